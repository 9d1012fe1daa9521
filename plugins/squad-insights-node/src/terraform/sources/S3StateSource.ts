import {
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Config } from '@backstage/config';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { Readable } from 'node:stream';
import { readTimeoutMs } from './sourceUtils';
import { StateSourceError } from './StateSourceError';
import { StateSource } from './types';

/** @public */
export interface S3StateSourceOptions {
  id: string;
  bucket: string;
  /** Folder inside the bucket; the object key is `<prefix>/<key>`. */
  prefix?: string;
  region: string;
  /** For S3-compatible servers (MinIO, Ceph, R2...). */
  endpoint?: string;
  /** Path-style URLs (`<endpoint>/<bucket>/<key>`), which most S3-compatible servers need. */
  forcePathStyle?: boolean;
  /** Credentials or a credential provider, e.g. from `@backstage/integration-aws-node`. */
  credentials?: S3ClientConfig['credentials'];
  timeoutMs?: number;
}

/**
 * Reads states from an S3 bucket (Terraform's `s3` backend). The marker is the object's
 * ETag (one `HeadObject`); `read` streams `GetObject` and takes the ETag of that same
 * response, so marker and bytes always belong together.
 *
 * The key is appended to `prefix`: with `prefix: terraform`, key `payments/prod.tfstate`
 * is object `terraform/payments/prod.tfstate`. (Terraform stores non-default workspaces
 * under `env:/<workspace>/<key>`; point a second source's prefix at `env:/<workspace>`.)
 *
 * @public
 */
export class S3StateSource implements StateSource {
  readonly type = 's3' as const;

  /**
   * Reads one entry of `squadInsights.terraform.sources`. Credentials come from the
   * portal's `aws` config through the given manager (usually
   * `DefaultAwsCredentialsManager.fromConfig(rootConfig)`), for `accountId` when set.
   */
  static fromConfig(
    config: Config,
    options: { credentialsManager: AwsCredentialsManager },
  ) {
    const accountId = config.getOptionalString('accountId');
    return S3StateSource.create({
      id: config.getString('id'),
      bucket: config.getString('bucket'),
      prefix: config.getOptionalString('prefix'),
      region: config.getString('region'),
      endpoint: config.getOptionalString('endpoint'),
      forcePathStyle: config.getOptionalBoolean('forcePathStyle'),
      timeoutMs: readTimeoutMs(config),
      // Resolved lazily: fromConfig stays synchronous and a portal with an unreachable STS
      // still starts; the SDK caches what the provider returns until it expires.
      credentials: async () => {
        const provider = await options.credentialsManager.getCredentialProvider(
          accountId ? { accountId } : undefined,
        );
        return provider.sdkCredentialProvider();
      },
    });
  }

  static create(options: S3StateSourceOptions): S3StateSource {
    const client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      ...(options.timeoutMs
        ? {
            requestHandler: {
              connectionTimeout: options.timeoutMs,
              requestTimeout: options.timeoutMs,
            },
          }
        : {}),
    });
    return new S3StateSource(
      options.id,
      options.bucket,
      options.prefix ?? '',
      client,
    );
  }

  private constructor(
    readonly id: string,
    private readonly bucket: string,
    private readonly prefix: string,
    private readonly client: S3Client,
  ) {}

  async marker(key: string): Promise<string | undefined> {
    const head = await this.send(key, () =>
      this.client.send(new HeadObjectCommand(this.object(key))),
    );
    if (!head) return undefined;
    return head.ETag ?? this.missingEtag(key);
  }

  async read(
    key: string,
  ): Promise<{ marker: string; body: Readable } | undefined> {
    const res = await this.send(key, () =>
      this.client.send(new GetObjectCommand(this.object(key))),
    );
    if (!res?.Body) return undefined;
    // In Node the SDK's body is the http.IncomingMessage itself, so it streams as is.
    if (!(res.Body instanceof Readable)) {
      throw new StateSourceError({
        sourceId: this.id,
        key,
        reason: 'came back from S3 as an unexpected body type',
      });
    }
    return { marker: res.ETag ?? this.missingEtag(key), body: res.Body };
  }

  private object(key: string) {
    // Validated keys have no leading "/" or "..", so trimming the prefix's slashes is all
    // it takes to never produce "//" or a key outside the prefix.
    const prefix = this.prefix.replace(/^\/+|\/+$/g, '');
    return { Bucket: this.bucket, Key: prefix ? `${prefix}/${key}` : key };
  }

  private async send<T>(
    key: string,
    call: () => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      const name = (error as Error)?.name;
      const status = (error as { $metadata?: { httpStatusCode?: number } })
        ?.$metadata?.httpStatusCode;
      // HeadObject has no body, so the SDK can only say "NotFound"; GetObject says NoSuchKey.
      if (name === 'NoSuchKey' || name === 'NotFound') return undefined;
      throw new StateSourceError({
        sourceId: this.id,
        key,
        reason: 'could not be read from S3',
        status,
        cause: error,
      });
    }
  }

  private missingEtag(key: string): never {
    throw new StateSourceError({
      sourceId: this.id,
      key,
      reason: 'has no ETag in S3',
    });
  }
}
