import type { Config } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { CloudWatchUsageSource } from './CloudWatchUsageSource';

/**
 * The CloudWatch usage sources of `squadInsights.sustainability.usage.cloudwatch`; empty
 * (usage is not measured) when the key is absent. Credentials come from the portal's
 * `aws` config, for each source's `accountId`.
 *
 * @public
 */
export function readUsageSources(config: Config): CloudWatchUsageSource[] {
  const entries =
    config.getOptionalConfigArray(
      'squadInsights.sustainability.usage.cloudwatch',
    ) ?? [];
  if (!entries.length) return [];
  const credentialsManager = DefaultAwsCredentialsManager.fromConfig(config);
  return entries.map(e =>
    CloudWatchUsageSource.fromConfig(e, { credentialsManager }),
  );
}
