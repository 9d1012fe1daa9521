import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { builtInStateSourceFactories } from './builtInStateSourceFactories';
import { readStateSourceLimits, withStateSourceLimits } from './sourceLimits';
import { StateSourceFactoryRegistry } from './StateSourceFactoryRegistry';
import { StateSource } from './types';

const CONFIG_PATH = 'squadInsights.terraform.sources';

// Mirrors the source id rule of parseStateReference: an id it would refuse could never be
// selected by a catalog reference, so it is better refused at startup.
const SOURCE_ID = /^[a-z0-9][a-z0-9_-]*$/i;

/**
 * Creates the Terraform state sources configured under `squadInsights.terraform.sources`,
 * keyed by id. Configuration mistakes (missing or unknown type, duplicate or invalid id,
 * missing fields) fail here, at startup, with the config path in the message.
 *
 * Each entry is built by the factory registered for its `type`: the built-ins unless a
 * `registry` is given (the backend plugin passes one holding the built-ins and the factories
 * of installed modules).
 *
 * @public
 */
export function createStateSources(
  config: Config,
  options: {
    logger?: LoggerService;
    /** For `s3` sources; defaults to `DefaultAwsCredentialsManager.fromConfig(config)`. */
    awsCredentialsManager?: AwsCredentialsManager;
    /** Where relative `local` roots are resolved; default the working directory (the backend's). */
    baseDir?: string;
    /** The types known; default the built-ins (then `awsCredentialsManager` and `baseDir` apply). */
    registry?: StateSourceFactoryRegistry;
  } = {},
): Map<string, StateSource> {
  const sources = new Map<string, StateSource>();
  const firstSeenAt = new Map<string, string>();
  const registry =
    options.registry ??
    new StateSourceFactoryRegistry(builtInStateSourceFactories(options));

  const entries = config.getOptionalConfigArray(CONFIG_PATH) ?? [];
  entries.forEach((entry, index) => {
    const at = `${CONFIG_PATH}[${index}]`;
    const id = entry.getString('id');
    if (!SOURCE_ID.test(id)) {
      throw new Error(
        `Invalid Terraform state source id "${id}" at ${at}.id: use letters, digits, - and _, starting with a letter or digit`,
      );
    }
    if (firstSeenAt.has(id)) {
      throw new Error(
        `Duplicate Terraform state source id "${id}" at ${at}.id (already used at ${firstSeenAt.get(
          id,
        )})`,
      );
    }
    const type = entry.getOptionalString('type');
    if (type === undefined) {
      throw new Error(
        `Missing Terraform state source type at ${at}.type; expected one of ${registry.types.join(
          ', ',
        )}`,
      );
    }

    const factory = registry.get(type);
    if (!factory) {
      throw new Error(
        `Unknown Terraform state source type "${type}" at ${at}.type; expected one of ${registry.types.join(
          ', ',
        )}`,
      );
    }

    let source: StateSource;
    try {
      const built = factory.create(entry, {
        rootConfig: config,
        logger: options.logger,
      });
      // A module's factory could get these wrong; references and messages rely on them.
      if (built.id !== id || built.type !== type) {
        throw new Error(
          `the "${type}" factory returned a source with id "${built.id}" and type "${built.type}"; expected id "${id}" and type "${type}"`,
        );
      }
      // Every source, whatever its type, is bounded: body cap, decompressed cap, deadline.
      source = withStateSourceLimits(built, readStateSourceLimits(entry));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`Invalid Terraform state source at ${at}: ${message}`, {
        cause: error,
      });
    }
    firstSeenAt.set(id, `${at}.id`);
    sources.set(id, source);
    options.logger?.info(`Terraform state source "${id}" (${type}) configured`);
  });
  return sources;
}
