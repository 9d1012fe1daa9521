import { isMap, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { CompliancePolicy, CompliancePolicySchema } from './model';
import { mergeOverride } from './mergePolicy';
import {
  Locator,
  PolicyLoadError,
  referenceProblems,
  zodProblems,
} from './problems';
import { validatePolicyReferences } from './validate';

function yamlLocator(
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
): Locator {
  return path => {
    let node: unknown = doc.contents;
    let best: Node | undefined = node as Node | undefined;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          p => (p.key as { value?: unknown } | null)?.value === seg,
        );
        if (!pair) break;
        best = (pair.key as Node) ?? best;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
        node = node.items[seg];
        best = node as Node;
      } else break;
    }
    const offset = best?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
}

/**
 * Reads a policy from YAML (or JSON) text. With `base`, the text is an override
 * (`kind: CompliancePolicyOverride`) merged onto it with {@link mergePolicy}. Throws
 * {@link PolicyLoadError} naming the file, line and field of an unknown field, an unknown fact,
 * operator, parameter or tag, a bad severity, or a dangling control reference.
 *
 * @public
 */
export function loadPolicy(
  text: string,
  options: { fileName: string; base?: CompliancePolicy },
): CompliancePolicy {
  const { fileName } = options;
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length) {
    throw new PolicyLoadError(
      fileName,
      doc.errors.map(e => {
        const { line, col } = lines.linePos(e.pos[0]);
        return { path: '', line, column: col, message: e.message };
      }),
    );
  }
  const raw = doc.toJS();
  const locate = yamlLocator(doc, lines);
  if (options.base) return mergeOverride(options.base, raw, fileName, locate);
  const parsed = CompliancePolicySchema.safeParse(raw);
  if (!parsed.success)
    throw new PolicyLoadError(
      fileName,
      zodProblems(raw, parsed.error.issues, locate),
    );
  const issues = validatePolicyReferences(parsed.data);
  if (issues.length)
    throw new PolicyLoadError(fileName, referenceProblems(raw, issues, locate));
  return parsed.data;
}
