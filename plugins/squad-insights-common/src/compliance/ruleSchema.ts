import { z } from 'zod';
import { parsePath } from './paths';
import { ATTRIBUTE_OPERATORS, OWNERSHIP_RULES, Rule, ValueRef } from './rules';

const literal = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const valueRef: z.ZodType<ValueRef> = z.union([
  literal,
  z.array(literal),
  z.strictObject({ param: z.string().min(1) }),
  z.strictObject({ attribute: z.string().min(1) }),
]);
/** A resource type, or a prefix pattern such as `aws_s3_bucket*`. */
export const resourceType = z
  .string()
  .regex(/^[a-z][a-z0-9_]*\*?$/, 'not a resource type');
const path = z.string().superRefine((p, ctx) => {
  try {
    parsePath(p);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
  }
});
// Rules nest; the schema is defined further down.
// eslint-disable-next-line @typescript-eslint/no-use-before-define
const lazyRule = z.lazy(() => RuleSchema);

const attributeRule = z
  .strictObject({
    attribute: path.optional(),
    tag: z.string().min(1).optional(),
    resource: z.union([resourceType, z.array(resourceType).min(1)]).optional(),
    missing: z.enum(['fail', 'pass', 'skip', 'unknown']).optional(),
    equals: valueRef.optional(),
    notEquals: valueRef.optional(),
    in: valueRef.optional(),
    notIn: valueRef.optional(),
    atLeast: valueRef.optional(),
    atMost: valueRef.optional(),
    matches: valueRef.optional(),
    contains: valueRef.optional(),
    containsAll: valueRef.optional(),
    like: valueRef.optional(),
    likeAll: valueRef.optional(),
    nonEmpty: z.boolean().optional(),
    exists: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    if ((r.attribute === undefined) === (r.tag === undefined))
      ctx.addIssue({
        code: 'custom',
        message: 'give either "attribute" or "tag", not both',
      });
    const ops = ATTRIBUTE_OPERATORS.filter(op => r[op] !== undefined);
    if (ops.length !== 1)
      ctx.addIssue({
        code: 'custom',
        message: `give exactly one operator (${ATTRIBUTE_OPERATORS.join(
          ', ',
        )}); found ${ops.join(', ') || 'none'}`,
      });
  });

const BRANCHES: Record<string, z.ZodType<Rule>> = {
  attribute: attributeRule,
  tag: attributeRule,
  tags: z.strictObject({ tags: z.strictObject({ required: valueRef }) }),
  ownership: z.strictObject({
    ownership: z.enum(OWNERSHIP_RULES),
  }),
  allOf: z.strictObject({ allOf: z.array(lazyRule).min(1) }),
  anyOf: z.strictObject({ anyOf: z.array(lazyRule).min(1) }),
  forEach: z.strictObject({
    forEach: path,
    where: lazyRule.optional(),
    rule: lazyRule,
    nonEmpty: z.boolean().optional(),
  }),
  linked: z.strictObject({
    linked: z.strictObject({
      resource: resourceType,
      by: z.record(path, path).optional(),
      rule: lazyRule.optional(),
      missing: z.enum(['fail', 'unknown']).optional(),
    }),
  }),
};
const ATTRIBUTE_KEYS = new Set(Object.keys(attributeRule.shape));

/**
 * Normalises zod issues: an unrecognised key becomes one issue per key, located at the key, so
 * that the loader can point at the offending line.
 *
 * @internal
 */
export function forwardIssues(
  ctx: z.RefinementCtx,
  issues: readonly z.core.$ZodIssue[],
): void {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        ctx.addIssue({
          code: 'custom',
          message: `unknown field "${key}"`,
          path: [...issue.path, key],
        });
    } else
      ctx.addIssue({
        code: 'custom',
        message: issue.message,
        path: [...issue.path],
      });
  }
}

/**
 * Validates a rule, dispatching on the fact kind it names so that an unknown fact or operator
 * gets a precise message rather than zod's "no union member matched".
 *
 * @public
 */
export const RuleSchema: z.ZodType<Rule> = z
  .unknown()
  .transform((value, ctx) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'a rule must be a mapping' });
      return z.NEVER;
    }
    const keys = Object.keys(value);
    const kind = keys.find(k => k in BRANCHES);
    if (!kind) {
      ctx.addIssue({
        code: 'custom',
        path: keys.length ? [keys[0]] : [],
        message: `unknown fact "${keys.join(
          ', ',
        )}"; a rule names one of ${Object.keys(BRANCHES).join(', ')}`,
      });
      return z.NEVER;
    }
    if (kind === 'attribute' || kind === 'tag') {
      const unknown = keys.filter(k => !ATTRIBUTE_KEYS.has(k));
      for (const k of unknown)
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: `unknown operator "${k}"; operators are ${ATTRIBUTE_OPERATORS.join(
            ', ',
          )}`,
        });
      if (unknown.length) return z.NEVER;
    }
    const parsed = BRANCHES[kind].safeParse(value);
    if (!parsed.success) {
      forwardIssues(ctx, parsed.error.issues);
      return z.NEVER;
    }
    return parsed.data;
  });
