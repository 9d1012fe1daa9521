export { CloudWatchUsageSource } from './CloudWatchUsageSource';
export type {
  CloudWatchUsageSourceOptions,
  UsageReading,
} from './CloudWatchUsageSource';
export { UsageSourceError } from './UsageSourceError';
export type { UsageFailure } from './UsageSourceError';
export { cloudWatchUsageSourceFactory, readUsageSources } from './config';
export type { UsageSource, UsageSourceFactory } from './types';
