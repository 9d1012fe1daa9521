import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import { CloudWatchUsageSource } from './CloudWatchUsageSource';
import type { UsageSource, UsageSourceFactory } from './types';

const CONFIG_PATH = 'squadInsights.sustainability.usage';
// Keys of the usage section that are settings, not source types.
const RESERVED = new Set(['schedule']);
const TYPE = /^[a-z0-9][a-z0-9_-]*$/i;

/**
 * The built-in usage source: CloudWatch, one source per entry of
 * `squadInsights.sustainability.usage.cloudwatch`. Credentials come from the portal's `aws`
 * config, for each source's `accountId`.
 *
 * @public
 */
export function cloudWatchUsageSourceFactory(): UsageSourceFactory {
  let credentialsManager: AwsCredentialsManager | undefined;
  return {
    type: 'cloudwatch',
    create: (entry, { rootConfig }) =>
      CloudWatchUsageSource.fromConfig(entry, {
        credentialsManager: (credentialsManager ??=
          DefaultAwsCredentialsManager.fromConfig(rootConfig)),
      }),
  };
}

/**
 * The usage sources configured under `squadInsights.sustainability.usage.<type>`, for the
 * built-in `cloudwatch` type and the `factories` given (those of backend modules); empty
 * (usage is not measured) when none is configured. A bad factory type, a duplicate type or
 * source id, or a bad entry fails here with its config path.
 *
 * @public
 */
export function readUsageSources(
  config: Config,
  options: { factories?: UsageSourceFactory[]; logger?: LoggerService } = {},
): UsageSource[] {
  const factories = [
    cloudWatchUsageSourceFactory(),
    ...(options.factories ?? []),
  ];
  const sources: UsageSource[] = [];
  const firstSeenAt = new Map<string, string>();
  const types = new Set<string>();
  for (const factory of factories) {
    if (!TYPE.test(factory.type) || RESERVED.has(factory.type)) {
      throw new Error(
        `Invalid usage source type "${
          factory.type
        }": use letters, digits, - and _ (not ${[...RESERVED].join(', ')})`,
      );
    }
    if (types.has(factory.type)) {
      throw new Error(
        `Usage source type "${factory.type}" is registered twice; each type can have one factory`,
      );
    }
    types.add(factory.type);
    const entries =
      config.getOptionalConfigArray(`${CONFIG_PATH}.${factory.type}`) ?? [];
    entries.forEach((entry, index) => {
      const at = `${CONFIG_PATH}.${factory.type}[${index}]`;
      let source: UsageSource;
      try {
        source = factory.create(entry, {
          rootConfig: config,
          logger: options.logger,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`Invalid usage source at ${at}: ${message}`, {
          cause: error,
        });
      }
      // Stored figures are keyed by source id, so two sources may not share one.
      if (firstSeenAt.has(source.id)) {
        throw new Error(
          `Duplicate usage source id "${
            source.id
          }" at ${at} (already used at ${firstSeenAt.get(source.id)})`,
        );
      }
      firstSeenAt.set(source.id, at);
      sources.push(source);
    });
  }
  return sources;
}
