import type { Subject } from './facts';
import type { RuleContext } from './ruleRuntime';

/*
 * One logical tag (`team`, `businessCapability`, …) is spelled differently by each source:
 *
 * | source              | key for `tagNames.businessCapability: BusinessCapability` | lookup            |
 * | ------------------- | --------------------------------------------------------- | ----------------- |
 * | AWS tags            | `BusinessCapability`                                      | exact (AWS keys are case-sensitive) |
 * | Azure tags          | `BusinessCapability`                                      | any case (Azure keys are case-insensitive) |
 * | GCP labels          | `business_capability` (lower case, `_` between words)     | any case or separator |
 * | Consul Service.Meta | `metaNames.businessCapability`, else the tag name          | any case or separator |
 *
 * GCP allows only lower-case letters, digits, `_` and `-` in label keys and values, so values are
 * written like `payments-squad` and lists like `gdpr--pci_dss`; names compare as people read them
 * (see groupNames.ts and the `like` operators), so they still match the catalog.
 */

/** `BusinessCapability` → `business_capability`: the GCP label key of a tag name. @public */
export function gcpLabelKey(tagName: string): string {
  return tagName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
}

const loose = (key: string) => key.toLowerCase().replace(/[\s_-]+/g, '');

const indexes = new WeakMap<object, Map<string, string>>();
/** The subject's label keys by their loose form, built once per label map. */
function looseIndex(labels: Readonly<Record<string, string>>) {
  let index = indexes.get(labels);
  if (!index) {
    index = new Map();
    for (const key of Object.keys(labels)) {
      const k = loose(key);
      if (!index.has(k)) index.set(k, key);
    }
    indexes.set(labels, index);
  }
  return index;
}

/** How `subject` spells the key of a logical tag (or of a literal tag name the rule gives). */
function spelledKey(ctx: RuleContext, s: Subject, logical: string): string {
  if (s.labelPrefix === 'meta')
    return ctx.metaNames?.[logical] ?? ctx.tagNames[logical] ?? logical;
  const name = ctx.tagNames[logical] ?? logical;
  return s.type.startsWith('google_') ? gcpLabelKey(name) : name;
}

/**
 * The key and value of a logical tag on a subject, with the source's own spelling rules. The
 * key is what evidence names: the one found, or the expected spelling when the tag is absent.
 *
 * @internal
 */
export function readLabel(
  ctx: RuleContext,
  s: Subject,
  logical: string,
): { key: string; value: string | undefined } {
  const key = spelledKey(ctx, s, logical);
  const exact = s.labels[key];
  if (exact !== undefined) return { key, value: exact };
  if (s.labelPrefix === 'tags' && !/^(google|azurerm)_/.test(s.type))
    return { key, value: undefined };
  const found = looseIndex(s.labels).get(loose(key));
  return found === undefined
    ? { key, value: undefined }
    : { key: found, value: s.labels[found] };
}
