import {
  createConditionExports,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import {
  complianceRecordResourceRef,
  ComplianceRecordResource,
} from './resource';

const claimsSchema = z.object({
  claims: z
    .array(z.string())
    .describe(
      "The caller's ownership entity refs: their user ref and their groups",
    ),
});

const frameworkKey = (v: string) =>
  v
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[\s_-]+/g, '');

const isOwner = createPermissionRule({
  name: 'IS_OWNER',
  description:
    "Allow when the caller's ownership refs include the service's owner or a group above it",
  resourceRef: complianceRecordResourceRef,
  paramsSchema: claimsSchema,
  apply: (record: ComplianceRecordResource, { claims }) =>
    record.owners.some(r => claims.includes(r)),
  toQuery:
    ({ claims }) =>
    record =>
      record.owners.some(r => claims.includes(r)),
});

const isInTribe = createPermissionRule({
  name: 'IS_IN_TRIBE',
  description:
    "Allow when the caller belongs to the owning squad's tribe: the tribe itself or any group below it",
  resourceRef: complianceRecordResourceRef,
  paramsSchema: claimsSchema,
  apply: (record: ComplianceRecordResource, { claims }) =>
    record.tribeGroups.some(r => claims.includes(r)),
  toQuery:
    ({ claims }) =>
    record =>
      record.tribeGroups.some(r => claims.includes(r)),
});

const hasFramework = createPermissionRule({
  name: 'HAS_FRAMEWORK',
  description:
    'Allow when the service declares the framework in squad-insights.io/compliance-requirements',
  resourceRef: complianceRecordResourceRef,
  paramsSchema: z.object({
    framework: z
      .string()
      .describe('A framework id of the compliance policy, e.g. PCI_DSS'),
  }),
  apply: (record: ComplianceRecordResource, { framework }) =>
    record.frameworks.some(f => frameworkKey(f) === frameworkKey(framework)),
  toQuery:
    ({ framework }) =>
    record =>
      record.frameworks.some(f => frameworkKey(f) === frameworkKey(framework)),
});

/**
 * The conditional rules of a compliance record, registered with the permission framework.
 *
 * @public
 */
export const complianceRecordRules = { isOwner, isInTribe, hasFramework };

const conditionExports = createConditionExports({
  resourceRef: complianceRecordResourceRef,
  rules: complianceRecordRules,
});

/**
 * Condition factories for permission policies, one per rule:
 * `complianceRecordConditions.isInTribe({ claims: user.info.ownershipEntityRefs })`.
 *
 * @public
 */
export const complianceRecordConditions = conditionExports.conditions;

/**
 * Wraps conditions into a conditional decision for a Squad Insights permission, which the
 * plugin applies to the service named by the request's resource ref.
 *
 * @public
 */
export const createComplianceRecordConditionalDecision =
  conditionExports.createConditionalDecision;
