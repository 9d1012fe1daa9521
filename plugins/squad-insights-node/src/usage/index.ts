export { CloudWatchUsageSource } from './CloudWatchUsageSource';
export type {
  CloudWatchUsageSourceOptions,
  UsageReading,
} from './CloudWatchUsageSource';
export { UsageSourceError } from './UsageSourceError';
export type { UsageFailure } from './UsageSourceError';
export { readUsageSources } from './config';
