import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import { ConsulKvStateSource } from './ConsulKvStateSource';
import { HcpStateSource } from './HcpStateSource';
import { HttpStateSource } from './HttpStateSource';
import { LocalStateSource } from './LocalStateSource';
import { S3StateSource } from './S3StateSource';
import { readStateSourceLimits, withStateSourceLimits } from './sourceLimits';
import { StateSource } from './types';

const CONFIG_PATH = 'squadInsights.terraform.sources';

// Mirrors the source id rule of parseStateReference: an id it would refuse could never be
// selected by a catalog reference, so it is better refused at startup.
const SOURCE_ID = /^[a-z0-9][a-z0-9_-]*$/i;

const TYPES = [
  'local',
  'http',
  's3',
  'hcp',
  'consul',
] as const satisfies ReadonlyArray<StateSource['type']>;

/**
 * Creates the Terraform state sources configured under `squadInsights.terraform.sources`,
 * keyed by id. Configuration mistakes (missing or unknown type, duplicate or invalid id,
 * missing fields) fail here, at startup, with the config path in the message.
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
  } = {},
): Map<string, StateSource> {
  const sources = new Map<string, StateSource>();
  const firstSeenAt = new Map<string, string>();
  let awsCredentialsManager = options.awsCredentialsManager;

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
        `Missing Terraform state source type at ${at}.type; expected one of ${TYPES.join(
          ', ',
        )}`,
      );
    }

    if (!(TYPES as readonly string[]).includes(type)) {
      throw new Error(
        `Unknown Terraform state source type "${type}" at ${at}.type; expected one of ${TYPES.join(
          ', ',
        )}`,
      );
    }

    let source: StateSource;
    try {
      // Every source, whatever its type, is bounded: body cap, decompressed cap, deadline.
      source = withStateSourceLimits(
        build(
          type as StateSource['type'],
          entry,
          () => {
            // Only built when an s3 source exists: it reads the portal's `aws` config.
            awsCredentialsManager ??=
              DefaultAwsCredentialsManager.fromConfig(config);
            return awsCredentialsManager;
          },
          options.baseDir,
        ),
        readStateSourceLimits(entry),
      );
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

function build(
  type: StateSource['type'],
  entry: Config,
  credentialsManager: () => AwsCredentialsManager,
  baseDir: string | undefined,
): StateSource {
  switch (type) {
    case 'local':
      return LocalStateSource.fromConfig(entry, baseDir);
    case 'http':
      return HttpStateSource.fromConfig(entry);
    case 's3':
      return S3StateSource.fromConfig(entry, {
        credentialsManager: credentialsManager(),
      });
    case 'hcp':
      return HcpStateSource.fromConfig(entry);
    case 'consul':
      return ConsulKvStateSource.fromConfig(entry);
    default:
      throw new Error(`unsupported type "${type satisfies never}"`);
  }
}
