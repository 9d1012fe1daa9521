/**
 * Node.js IO library of Squad Insights: reading Terraform state from configured sources and
 * Consul's runtime view. Usable outside Backstage.
 *
 * @packageDocumentation
 */
export * from './terraform/stateReference';
