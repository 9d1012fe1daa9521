import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import { ConsulKvStateSource } from './ConsulKvStateSource';
import { HcpStateSource } from './HcpStateSource';
import { HttpStateSource } from './HttpStateSource';
import { LocalStateSource } from './LocalStateSource';
import { S3StateSource } from './S3StateSource';
import type { StateSourceFactory } from './StateSourceFactory';

/**
 * The factories of the five built-in state source types: `local`, `http`, `s3`, `hcp` and
 * `consul`, registered the same way a module's are.
 *
 * @public
 */
export function builtInStateSourceFactories(
  options: {
    /** For `s3` sources; defaults to `DefaultAwsCredentialsManager.fromConfig(rootConfig)`. */
    awsCredentialsManager?: AwsCredentialsManager;
    /** Where relative `local` roots are resolved; default the working directory (the backend's). */
    baseDir?: string;
  } = {},
): StateSourceFactory[] {
  let awsCredentialsManager = options.awsCredentialsManager;
  return [
    {
      type: 'local',
      create: entry => LocalStateSource.fromConfig(entry, options.baseDir),
    },
    { type: 'http', create: entry => HttpStateSource.fromConfig(entry) },
    {
      type: 's3',
      create: (entry, { rootConfig }) =>
        S3StateSource.fromConfig(entry, {
          // Only built when an s3 source exists: it reads the portal's `aws` config.
          credentialsManager: (awsCredentialsManager ??=
            DefaultAwsCredentialsManager.fromConfig(rootConfig)),
        }),
    },
    { type: 'hcp', create: entry => HcpStateSource.fromConfig(entry) },
    { type: 'consul', create: entry => ConsulKvStateSource.fromConfig(entry) },
  ];
}
