/** @public */
export type Literal = string | number | boolean | null;
/** @public */
export type ValueRef =
  | Literal
  | Literal[]
  | { param: string }
  | { attribute: string };

/** Operators of attribute and tag rules. @public */
export const ATTRIBUTE_OPERATORS = [
  'equals',
  'notEquals',
  'in',
  'notIn',
  'atLeast',
  'atMost',
  'matches',
  'contains',
  'containsAll',
  'like',
  'likeAll',
  'nonEmpty',
  'exists',
] as const;
/** @public */
export type AttributeOperator = (typeof ATTRIBUTE_OPERATORS)[number];

/** @public */
export type AttributeRule = {
  attribute?: string;
  tag?: string;
  resource?: string | string[];
  missing?: 'fail' | 'pass' | 'skip' | 'unknown';
  nonEmpty?: boolean;
  exists?: boolean;
} & { [op in Exclude<AttributeOperator, 'nonEmpty' | 'exists'>]?: ValueRef };
/** @public */
export type TagsRule = { tags: { required: ValueRef } };
/** @public */
export type OwnershipRule = {
  ownership: (typeof OWNERSHIP_RULES)[number];
};
/**
 * Which catalog group a label must name: the owning squad, its tribe, or the chapter and guild
 * the service declares.
 *
 * @public
 */
export const OWNERSHIP_RULES = [
  'team-tag-matches-catalog',
  'tribe-tag-matches-catalog',
  'chapter-tag-matches-catalog',
  'guild-tag-matches-catalog',
] as const;
/** @public */
export type AllOfRule = { allOf: Rule[] };
/** @public */
export type AnyOfRule = { anyOf: Rule[] };
/** @public */
export type ForEachRule = {
  forEach: string;
  where?: Rule;
  rule: Rule;
  nonEmpty?: boolean;
};
/** @public */
export type LinkedRule = {
  linked: {
    resource: string;
    by?: Record<string, string>;
    rule?: Rule;
    missing?: 'fail' | 'unknown';
  };
};
/**
 * The rule language. A check's `rule` is evaluated once per subject (a resource instance, the
 * service, or its Consul registration). Every rule names exactly one fact kind:
 *
 * - `attribute: <path>` or `tag: <logical tag>` plus exactly one operator (see
 *   {@link ATTRIBUTE_OPERATORS}); `missing` says what an absent/null value means (default `fail`);
 *   `resource` restricts the rule to some resource types (other types are skipped);
 * - `tags: { required }`: every listed logical tag is present (untaggable resources are skipped);
 * - `ownership: team|tribe|chapter|guild-tag-matches-catalog`: the label names the catalog's group
 *   as a person would (`Payments Squad` names `payments-squad`; see `groupNameMatches`); skipped
 *   when the label is absent, which `tags.required` reports;
 * - `like` / `likeAll`: `equals` / `containsAll` for names, ignoring case and treating spaces,
 *   hyphens and underscores alike (`PCI-DSS` is `PCI_DSS`); `likeAll` splits a label on commas;
 * - `allOf` / `anyOf`: combinations; `forEach: <list path>`: every element (optionally only those
 *   matching `where`) satisfies `rule`; paths inside are relative to the element;
 * - `linked: { resource, by: { <their path>: <our path> }, rule? }`: some resource of another type
 *   points at this one (e.g. the S3 encryption resource whose `bucket` is this bucket's `bucket`);
 *   a list on their side matches when it contains our value; our path is relative to the current
 *   scope, or to the resource itself when it starts with `$.`; without `by`, any resource of that
 *   type will do; `missing: unknown` when the other resource may live in a state not read.
 *
 * Paths (see paths.ts) read keys (`a.b`, `config["retention.ms"]`) and list elements (`a[0]`), and
 * `|properties` / `|json` parse a text attribute on the way:
 * `server_properties|properties["auto.create.topics.enable"]` reads one line of an MSK broker
 * configuration (Java properties; `# comment` after a value is dropped), `policy|json.Statement`
 * a JSON document. Text that doesn't parse, or isn't text, reads as absent (`missing` applies).
 *
 * Values are literals, lists of literals, `{ param: name }` (a policy or derived parameter) or
 * `{ attribute: path }` (another attribute of the same scope). Each subject evaluates to pass,
 * fail, unknown or skip.
 *
 * @public
 */
export type Rule =
  | AttributeRule
  | TagsRule
  | OwnershipRule
  | AllOfRule
  | AnyOfRule
  | ForEachRule
  | LinkedRule;
