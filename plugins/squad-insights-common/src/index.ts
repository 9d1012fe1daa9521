/**
 * Pure types and rules of Squad Insights, shared by the browser, the backend, the CLI and the
 * scaffolder actions: the annotation scheme, data classifications, compliance requirements
 * and the record-keeping rule.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './bindings';
export * from './classification';
export * from './retention';
export * from './profile';
export * from './groupNames';
export * from './api';
export * from './schema';
export * from './inventory';
export * from './permissions';
export * from './sustainability';
export * from './criticality';
export * from './compliance';
export * from './gate';
export * from './catalogSummaries';
