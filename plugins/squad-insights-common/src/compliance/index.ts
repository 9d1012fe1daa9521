/*
 * The policy-as-data compliance engine: a policy (frameworks, controls, checks written in a
 * small rule language) evaluated against a service's Terraform inventories and Consul view.
 * Pure: no IO besides parsing the text it is given.
 */
export * from './model';
export type {
  Rule,
  AttributeRule,
  TagsRule,
  OwnershipRule,
  AllOfRule,
  AnyOfRule,
  ForEachRule,
  LinkedRule,
  Literal,
  ValueRef,
  AttributeOperator,
} from './rules';
export { ATTRIBUTE_OPERATORS } from './rules';
export { RuleSchema } from './ruleSchema';
export { parsePath, formatPath, getPath } from './paths';
export type { PathSegment, PathStep } from './paths';
export { parseProperties, PATH_PARSERS } from './parsers';
export type { PathParser } from './parsers';
export { loadPolicy } from './loadPolicy';
export { PolicyLoadError } from './problems';
export type { PolicyProblem } from './problems';
export { mergePolicy } from './mergePolicy';
export { validatePolicyReferences, knownRequirements } from './validate';
export { gcpLabelKey } from './labels';
export {
  DEFAULT_CRITICAL_WAIVER_MAX_DAYS,
  DEFAULT_WAIVER_MAX_DAYS,
  isEvidenceUrl,
  latestAttestationExpiry,
  latestWaiverExpiry,
  waiverMaxDays,
} from './attestationRules';
export type { PolicyReferenceIssue } from './validate';
export { defaultPolicy, DEFAULT_POLICY_YAML } from './defaultPolicy';
export {
  resolveApplicability,
  matchCondition,
  DERIVED_PARAMETERS,
} from './applicability';
export type {
  Applicability,
  FrameworkApplicability,
  ResolvedParameters,
} from './applicability';
export { indexInventories } from './facts';
export { consulSubject, CONSUL_FACTS } from './consulFacts';
export type {
  ConsulServiceFacts,
  ConsulSource,
  InventorySource,
  ServiceFacts,
  Subject,
} from './facts';
export type { Evidence } from './ruleRuntime';
export { evaluate } from './evaluate';
export type {
  CheckResult,
  CheckStatus,
  ComplianceEvaluation,
  EvaluationInput,
  Attestation,
  Waiver,
} from './results';
export type { OwnershipRole } from './ruleRuntime';
export { OWNERSHIP_RULES } from './rules';
export type { ComplianceScore } from './score';
export { newServiceSettings, serviceRegionProblems } from './serviceSettings';
export type { NewServiceSettings, ServiceDeclaration } from './serviceSettings';
