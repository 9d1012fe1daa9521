import { ConflictError, InputError } from '@backstage/errors';
import { maskHcl, matchingBracket, topLevelKeys } from './hclMask';

/**
 * A value of the new entry: what a template can pass and HCL can hold.
 *
 * @public
 */
export type HclValue =
  | string
  | number
  | boolean
  | null
  | HclValue[]
  | { [key: string]: HclValue };

const IDENTIFIER = /^[A-Za-z_][\w-]*$/;

function renderKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

// JSON string escapes are valid HCL escapes; HCL additionally reads `${` and `%{` as templates.
function renderString(value: string): string {
  return JSON.stringify(value)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

function isInline(value: HclValue): boolean {
  return (
    value === null ||
    typeof value !== 'object' ||
    (Array.isArray(value) &&
      value.every(v => v === null || typeof v !== 'object'))
  );
}

function renderInline(value: HclValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return renderString(value);
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (Array.isArray(value)) return `[${value.map(renderInline).join(', ')}]`;
  throw new Error('objects are rendered over several lines');
}

/**
 * Renders an object body the way `terraform fmt` leaves it: runs of one-line attributes have
 * their `=` aligned; an attribute whose value spans lines ends the run and is not aligned.
 */
function renderBody(
  object: { [key: string]: HclValue },
  indent: string,
): string[] {
  const lines: string[] = [];
  let run: Array<[string, string]> = [];
  const flush = () => {
    const width = Math.max(...run.map(([k]) => k.length));
    for (const [k, v] of run) lines.push(`${indent}${k.padEnd(width)} = ${v}`);
    run = [];
  };
  for (const [rawKey, value] of Object.entries(object)) {
    if (value === undefined) continue;
    const key = renderKey(rawKey);
    if (isInline(value)) {
      run.push([key, renderInline(value)]);
      continue;
    }
    if (run.length) flush();
    lines.push(...renderMultiline(key, value, indent));
  }
  if (run.length) flush();
  return lines;
}

function renderMultiline(
  key: string,
  value: HclValue,
  indent: string,
): string[] {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.flatMap(item =>
      isInline(item)
        ? [`${inner}${renderInline(item)},`]
        : [
            `${inner}{`,
            ...renderBody(item as { [key: string]: HclValue }, `${inner}  `),
            `${inner}},`,
          ],
    );
    return [`${indent}${key} = [`, ...items, `${indent}]`];
  }
  return [
    `${indent}${key} = {`,
    ...renderBody(value as { [key: string]: HclValue }, inner),
    `${indent}}`,
  ];
}

/**
 * The HCL of one map entry, e.g. `payments = {\n  team = "payments"\n}`, indented by `indent`.
 *
 * @public
 */
export function renderServiceEntry(
  name: string,
  entry: { [key: string]: HclValue },
  indent = '',
): string {
  return renderMultiline(renderKey(name), entry, indent).join('\n');
}

interface ServicesMap {
  open: number;
  close: number;
}

function findServicesMap(
  text: string,
  masked: string,
): ServicesMap | undefined {
  for (const local of localsBlockOpens(masked)) {
    const bodyClose = matchingBracket(masked, local);
    if (bodyClose === -1) continue;
    const services = topLevelKeys(text, masked, local + 1, bodyClose).find(
      k => k.name === 'services',
    );
    if (services && masked[services.valueStart] === '{') {
      const close = matchingBracket(masked, services.valueStart);
      if (close !== -1) return { open: services.valueStart, close };
    }
  }
  return undefined;
}

// Offsets of the `{` of every top-level `locals` block.
function localsBlockOpens(masked: string): number[] {
  const opens: number[] = [];
  let depth = 0;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    else if (
      depth === 0 &&
      /^locals\s*\{/.test(masked.slice(i, i + 40)) &&
      (i === 0 || /\s/.test(masked[i - 1]))
    ) {
      opens.push(masked.indexOf('{', i));
    }
  }
  return opens;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineNumber(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/**
 * Adds a service to the `locals { services = { ... } }` map of a Terraform file by editing
 * the text: everything else (comments, order, blank lines, other entries) stays byte for
 * byte, and the new entry is indented like its neighbours and formatted as `terraform fmt`
 * would. `where` names the file in error messages.
 *
 * @public
 */
export function insertServiceEntry(options: {
  text: string;
  serviceName: string;
  entry: { [key: string]: HclValue };
  where: string;
}): string {
  const { text, serviceName, entry, where } = options;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const masked = maskHcl(text);
  const map = findServicesMap(text, masked);
  if (!map) {
    throw new InputError(
      `No \`locals { services = { ... } }\` map found in ${where}; the squad's IaC file must declare its services in that map`,
    );
  }
  const entries = topLevelKeys(text, masked, map.open + 1, map.close);
  const existing = entries.find(e => e.name === serviceName);
  if (existing) {
    throw new ConflictError(
      `Service '${serviceName}' already exists in the services map of ${where} (line ${lineNumber(
        text,
        existing.start,
      )})`,
    );
  }

  const closeLine = lineStart(text, map.close);
  const closeIndent = /^[ \t]*/.exec(text.slice(closeLine))![0];
  const closeOnOwnLine = text.slice(closeLine, map.close).trim() === '';
  if (!closeOnOwnLine) {
    if (
      entries.length > 0 ||
      text.slice(map.open + 1, map.close).trim() !== ''
    ) {
      throw new InputError(
        `The services map in ${where} (line ${lineNumber(
          text,
          map.open,
        )}) is written on one line; put its closing brace on a line of its own`,
      );
    }
    // `services = {}`: open it up around the first entry.
    const indent = `${
      /^[ \t]*/.exec(text.slice(lineStart(text, map.open)))![0]
    }  `;
    const rendered = renderServiceEntry(serviceName, entry, indent)
      .split('\n')
      .join(eol);
    return `${text.slice(0, map.open + 1)}${eol}${rendered}${eol}${indent.slice(
      2,
    )}${text.slice(map.close)}`;
  }

  const first = entries[0];
  const indent = first
    ? /^[ \t]*/.exec(text.slice(lineStart(text, first.start)))![0]
    : `${closeIndent}  `;
  // Keep the file's rhythm: entries separated by blank lines get one before the new entry too.
  const second = entries[1];
  const blankBetween =
    second !== undefined &&
    text
      .slice(
        lineStart(text, lineStart(text, second.start) - 1),
        lineStart(text, second.start),
      )
      .trim() === '';
  const rendered = renderServiceEntry(serviceName, entry, indent)
    .split('\n')
    .join(eol);
  const before = text.slice(0, closeLine);
  const separator = blankBetween && entries.length > 0 ? eol : '';
  return `${before}${separator}${rendered}${eol}${text.slice(closeLine)}`;
}
