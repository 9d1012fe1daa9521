/**
 * Blanks out comments, the insides of strings (with their `${ }` templates) and heredocs of
 * HCL text, keeping every offset and line break, so braces and `=` found in the result are
 * real structure. Quotes themselves stay, so a quoted map key is still visible as `"   "`.
 */
export function maskHcl(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
    }
  };

  // Returns the index just past the closing quote of a string starting at `start` (a quote).
  function skipString(start: number): number {
    let i = start + 1;
    while (i < text.length && text[i] !== '"' && text[i] !== '\n') {
      if (text[i] === '\\') {
        i += 2;
      } else if ((text[i] === '$' || text[i] === '%') && text[i + 1] === '{') {
        i = skipTemplate(i + 2);
      } else {
        i++;
      }
    }
    return i + 1;
  }

  // Returns the index just past the `}` closing a template expression that starts at `start`.
  function skipTemplate(start: number): number {
    let depth = 1;
    let i = start;
    while (i < text.length && depth > 0) {
      if (text[i] === '"') {
        i = skipString(i);
        continue;
      }
      if (text[i] === '{') depth++;
      if (text[i] === '}') depth--;
      i++;
    }
    return i;
  }

  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const rest = text.slice(i, i + 2);
    if (c === '#' || rest === '//') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (rest === '/*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"') {
      const stop = skipString(i);
      blank(i + 1, stop - 1);
      i = stop;
    } else if (rest === '<<') {
      const heredoc = /^<<-?([A-Za-z_][\w-]*)\r?\n/.exec(text.slice(i));
      if (!heredoc) {
        i += 2;
        continue;
      }
      const marker = heredoc[1];
      const close = new RegExp(`\\n[ \\t]*${marker}[ \\t]*(?=\\r?\\n|$)`).exec(
        text.slice(i),
      );
      const stop = close ? i + close.index + close[0].length : text.length;
      blank(i, stop);
      i = stop;
    } else {
      i++;
    }
  }
  return out.join('');
}

/** The index of the bracket closing the one at `open`, in masked text. */
export function matchingBracket(masked: string, open: number): number {
  const pairs: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const stack: string[] = [];
  for (let i = open; i < masked.length; i++) {
    const c = masked[i];
    if (pairs[c]) {
      stack.push(pairs[c]);
    } else if (c === '}' || c === ']' || c === ')') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/**
 * Attribute or key names written at the top level of a body (`from`..`to` in masked text),
 * with the offset where each starts; nested bodies are skipped.
 */
export function topLevelKeys(
  text: string,
  masked: string,
  from: number,
  to: number,
): Array<{ name: string; start: number; valueStart: number }> {
  const keys: Array<{ name: string; start: number; valueStart: number }> = [];
  const keyPattern = /^([A-Za-z_][\w-]*|"[^"\n]*")[ \t]*[=:](?!=)[ \t]*/;
  let i = from;
  let atItemStart = true;
  while (i < to) {
    const c = masked[i];
    if (c === '{' || c === '[' || c === '(') {
      const close = matchingBracket(masked, i);
      i = close === -1 ? to : close + 1;
      atItemStart = false;
      continue;
    }
    if (c === '\n' || c === ',') {
      atItemStart = true;
      i++;
      continue;
    }
    if (atItemStart && c !== ' ' && c !== '\t' && c !== '\r') {
      const match = keyPattern.exec(masked.slice(i, to));
      if (match) {
        const raw = text.slice(i, i + match[1].length);
        keys.push({
          name: unquote(raw),
          start: i,
          valueStart: i + match[0].length,
        });
        i += match[0].length;
      } else {
        i++;
      }
      atItemStart = false;
      continue;
    }
    i++;
  }
  return keys;
}

function unquote(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw.slice(1, -1);
  }
}
