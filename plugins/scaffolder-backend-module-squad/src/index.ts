/**
 * Scaffolder actions of the Squad Insights microservice template.
 *
 * @packageDocumentation
 */
export { scaffolderModuleSquad as default } from './module';
export { createResolveOwnershipAction } from './actions/ownership/resolveOwnership';
export { createComplianceProfileAction } from './actions/compliance/complianceProfile';
export { createGithubPreflightAction } from './actions/github/preflight';
export { createGithubPublishAction } from './actions/github/publish';
export { createGithubGovernanceAction } from './actions/github/governance';
export { createGithubIacPullRequestAction } from './actions/github/iacPullRequest';
export { SQUAD_INSIGHTS_MARKER_TOPIC } from './github/marker';
export { PartialPublishError } from './actions/github/publishFailure';
