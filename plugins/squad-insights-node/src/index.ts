/**
 * Node.js IO library of Squad Insights: reading Terraform state from configured sources and
 * Consul's runtime view. Usable outside Backstage.
 *
 * @packageDocumentation
 */
export * from './terraform/stateReference';
export * from './bindings';
export * from './terraform/parse';
export * from './terraform/sources';
export * from './terraform/TerraformStateReader';
export * from './consul/types';
export type * from './consul/consulApi';
export { ConsulClient } from './consul/ConsulClient';
export { ConsulRequestError } from './consul/rawGet';
export { readConsulClientOptions } from './consul/config';
export { watchBlocking, watchService, watchServices } from './consul/watch';
export type { ConsulWatch, ConsulWatchOptions } from './consul/watch';
export { readCompliancePolicy } from './compliance/readCompliancePolicy';
export * from './usage';
export * from './intensity';
export * from './extensions';
