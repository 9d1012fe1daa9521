/**
 * Scaffolder actions of the Squad Insights microservice template.
 *
 * @packageDocumentation
 */
export { scaffolderModuleSquad as default } from './module';
export { createDeriveComplianceAction } from './actions/deriveCompliance';
