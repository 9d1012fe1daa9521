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
  ownership: 'team-tag-matches-catalog' | 'tribe-tag-matches-catalog';
};
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
 * - `ownership: team-tag-matches-catalog | tribe-tag-matches-catalog`: the label agrees with the
 *   catalog (skipped when the label is absent, which `tags.required` reports);
 * - `allOf` / `anyOf`: combinations; `forEach: <list path>`: every element (optionally only those
 *   matching `where`) satisfies `rule`; paths inside are relative to the element;
 * - `linked: { resource, by: { <their path>: <our path> }, rule? }`: some resource of another type
 *   points at this one (e.g. the S3 encryption resource whose `bucket` is this bucket's `bucket`);
 *   a list on their side matches when it contains our value; our path is relative to the current
 *   scope, or to the resource itself when it starts with `$.`; without `by`, any resource of that
 *   type will do; `missing: unknown` when the other resource may live in a state not read.
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
