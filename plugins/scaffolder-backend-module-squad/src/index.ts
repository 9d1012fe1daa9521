/**
 * Scaffolder actions of the Squad Insights microservice template.
 *
 * @packageDocumentation
 */
export { scaffolderModuleSquad as default } from './module';
export { createResolveOwnershipAction } from './actions/ownership/resolveOwnership';
export { createComplianceProfileAction } from './actions/compliance/complianceProfile';
export { createGithubPreflightAction } from './actions/github/preflight';
export { createGithubVerifyGovernanceAction } from './actions/github/verifyGovernance';
export { createGithubIacPullRequestAction } from './actions/github/iacPullRequest';
