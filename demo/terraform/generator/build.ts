import { PROVIDERS } from './aws';
import type { CatalogService } from './catalog';
import { ServiceContext } from './context';
import type { ServiceProfile } from './profiles';
import { autoscaling } from './resources/autoscaling';
import { redis } from './resources/cache';
import { database, dynamodbTable } from './resources/database';
import { dataSources } from './resources/data';
import { kafka } from './resources/kafka';
import { kmsKey, serviceKeys } from './resources/kms';
import { storage, usMediaBucket } from './resources/s3';
import {
  randomPassword,
  serviceSecrets,
  ssmParameter,
} from './resources/secrets';
import { ecsService, serviceSecurityGroups } from './resources/service';
import type { Ref } from './state';

export const TERRAFORM_VERSION = '1.9.8';

/** Builds the complete state of one service. */
export function buildServiceState(
  svc: CatalogService,
  profile: ServiceProfile,
): ServiceContext {
  const ctx = new ServiceContext(svc, profile);
  dataSources(ctx);

  const keys = serviceKeys(ctx);
  const buckets = storage(ctx, keys);
  if (ctx.deviations.usMediaBucket) {
    const usKey = kmsKey(ctx, {
      name: 'media_us',
      provider: PROVIDERS.us,
      alias: `${ctx.name}-media-us`,
      description: `${ctx.name}: media bucket (us-east-1)`,
    });
    usMediaBucket(ctx, usKey);
  }

  const sg = serviceSecurityGroups(ctx);

  const dbPassword = randomPassword(ctx, 'db_master', {
    length: 32,
    special: true,
  });
  const db = database(ctx, {
    kms: keys.primary,
    serviceSg: sg.service,
    password: dbPassword,
  });
  const secrets: Record<string, Ref> = {
    DB_PASSWORD: ssmParameter(ctx, {
      name: 'db-password',
      description: `Master password of the ${ctx.name} database`,
      value: dbPassword.a.result,
      kms: keys.primary,
      dependsOn: [dbPassword],
    }),
  };
  for (const param of serviceSecrets(ctx, keys.primary)) {
    secrets[param.a.name.split('/').pop()!.toUpperCase().replace(/-/g, '_')] =
      param;
  }

  const environment: Record<string, string> = {
    DB_HOST: db.endpoint,
    DB_NAME: profile.database.dbName,
    DB_USER: 'acme_admin',
  };
  const taskStatements: unknown[] = [];
  const dependsOn: Ref[] = [db.db];

  const table = dynamodbTable(ctx, keys.primary);
  if (table) {
    environment.MIXES_TABLE = table.a.name;
    taskStatements.push({
      Effect: 'Allow',
      Action: [
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:BatchWriteItem',
      ],
      Resource: table.a.arn,
    });
    dependsOn.push(table);
  }

  if (profile.redis) {
    const authToken = randomPassword(ctx, 'redis_auth', {
      length: 64,
      special: false,
    });
    const cache = redis(ctx, {
      kms: keys.primary,
      serviceSg: sg.service,
      authToken,
    })!;
    environment.REDIS_HOST = cache.endpoint;
    secrets.REDIS_AUTH_TOKEN = ssmParameter(ctx, {
      name: 'redis-auth-token',
      description: `AUTH token of the ${ctx.name} Redis`,
      value: authToken.a.result,
      kms: keys.primary,
      dependsOn: [authToken],
    });
    dependsOn.push(cache.group);
  }

  const msk = kafka(ctx, { kms: keys.primary, serviceSg: sg.service });
  if (msk) {
    environment.KAFKA_BOOTSTRAP_SERVERS = msk.bootstrap;
    taskStatements.push({
      Effect: 'Allow',
      Action: [
        'kafka-cluster:Connect',
        'kafka-cluster:DescribeTopic',
        'kafka-cluster:ReadData',
        'kafka-cluster:WriteData',
      ],
      Resource: [
        msk.cluster.a.arn,
        `${msk.cluster.a.arn.replace(':cluster/', ':topic/')}/*`,
      ],
    });
    dependsOn.push(msk.cluster);
  }

  const app = ecsService(ctx, {
    kms: keys.primary,
    sg,
    buckets,
    secrets,
    environment,
    taskStatements,
    dependsOn,
  });
  autoscaling(ctx, app.cluster, app.service);

  ctx.state.output('service_url', app.serviceUrl, 'string');
  ctx.state.output('alb_dns_name', app.lb.a.dns_name, 'string');
  ctx.state.output('data_bucket', buckets.data.a.bucket, 'string');
  ctx.state.output('db_endpoint', db.endpoint, 'string');
  if (msk)
    ctx.state.output('kafka_bootstrap_brokers_tls', msk.bootstrap, 'string');
  if (profile.outputDbPassword)
    ctx.state.output('db_password', dbPassword.a.result, 'string', true);
  return ctx;
}
