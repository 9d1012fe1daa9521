import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { StateSource } from './types';

/**
 * What a {@link StateSourceFactory} gets besides its own config entry.
 *
 * @public
 */
export interface StateSourceFactoryDeps {
  /** The portal's whole config, for settings outside the entry (the `aws` section, say). */
  rootConfig: Config;
  logger?: LoggerService;
}

/**
 * Builds the Terraform state sources of one `type` from entries of
 * `squadInsights.terraform.sources`. The five built-in types are factories too; a backend
 * module adds its own through `squadInsightsStateSourcesExtensionPoint`.
 *
 * @public
 */
export interface StateSourceFactory {
  /** The `type` value of the config entries this factory reads, e.g. `gcs`. */
  readonly type: string;
  /**
   * A source for one config entry (which has `id`, `type` and the factory's own fields).
   * Throws with a message naming the missing or invalid field; the caller adds where the
   * entry is. The source's limits (body size, deadline) are applied by the caller.
   */
  create(config: Config, deps: StateSourceFactoryDeps): StateSource;
}
