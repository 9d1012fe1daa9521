import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CloudWatchTarget } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { UsageReading } from './CloudWatchUsageSource';

/**
 * Where measured usage of a service's resources comes from (CloudWatch, or a module's own).
 *
 * @public
 */
export interface UsageSource {
  /** Names the source in messages and stored figures; unique among the portal's sources. */
  readonly id: string;
  /** Whether this source measures a service (by entity ref). */
  covers(entityRef: string): boolean;
  /**
   * Reads the usage of the resources of one service (the targets are taken from its
   * Terraform inventory); throws when the read fails as a whole.
   */
  read(targets: readonly CloudWatchTarget[]): Promise<UsageReading>;
}

/**
 * Builds the usage sources of one `type` from the entries of
 * `squadInsights.sustainability.usage.<type>` (an array). `cloudwatch` is built in; a backend
 * module adds its own through `squadInsightsUsageSourcesExtensionPoint`.
 *
 * @public
 */
export interface UsageSourceFactory {
  /** The key under `squadInsights.sustainability.usage` whose entries this factory reads. */
  readonly type: string;
  /** A source for one entry; throws with a message naming the missing or invalid field. */
  create(
    config: Config,
    deps: { rootConfig: Config; logger?: LoggerService },
  ): UsageSource;
}
