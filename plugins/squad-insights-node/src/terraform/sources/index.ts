export type { StateSource } from './types';
export { StateSourceError } from './StateSourceError';
export { LocalStateSource } from './LocalStateSource';
export {
  HttpStateSource,
  type HttpStateSourceOptions,
} from './HttpStateSource';
export { S3StateSource, type S3StateSourceOptions } from './S3StateSource';
export { HcpStateSource, type HcpStateSourceOptions } from './HcpStateSource';
export {
  ConsulKvStateSource,
  type ConsulKvStateSourceOptions,
} from './ConsulKvStateSource';
export { createStateSources } from './createStateSources';
export type {
  StateSourceFactory,
  StateSourceFactoryDeps,
} from './StateSourceFactory';
export { StateSourceFactoryRegistry } from './StateSourceFactoryRegistry';
export { builtInStateSourceFactories } from './builtInStateSourceFactories';
export {
  DEFAULT_STATE_SOURCE_LIMITS,
  readStateSourceLimits,
  withStateSourceLimits,
  type StateSourceLimits,
} from './sourceLimits';
