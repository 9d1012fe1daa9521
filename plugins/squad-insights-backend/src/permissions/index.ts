export { squadInsightsPermissionPolicyModule } from './module';
export {
  catalogGroupsAbove,
  type CachedGroupsAbove,
  type GroupsAbove,
} from './reviewerAncestry';
export {
  SquadInsightsPermissionPolicy,
  readSquadInsightsPolicyOptions,
  type SquadInsightsPolicyOptions,
} from './policy';
export {
  complianceRecordResourceRef,
  type ComplianceRecordFilter,
  type ComplianceRecordResource,
} from './resource';
export {
  complianceRecordConditions,
  complianceRecordRules,
  createComplianceRecordConditionalDecision,
} from './rules';
