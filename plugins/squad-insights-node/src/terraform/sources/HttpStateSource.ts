import { Config } from '@backstage/config';
import { Readable } from 'node:stream';
import { HttpResponseLike, httpRequest } from './httpRequest';
import {
  capError,
  DEFAULT_STATE_SOURCE_LIMITS,
  deadlineError,
  readStateSourceLimits,
  StateSourceLimits,
} from './sourceLimits';
import { spoolBody } from './spoolBody';
import {
  DEFAULT_TIMEOUT_MS,
  encodeKeyPath,
  header,
  joinUrl,
  readTimeoutMs,
} from './sourceUtils';
import { StateSourceError } from './StateSourceError';
import { StateSource } from './types';

/** @public */
export interface HttpStateSourceOptions {
  id: string;
  /** States live at `<baseUrl>/<key>`. */
  baseUrl: string;
  /** Basic auth, as Terraform's `http` backend sends it (`username`/`password`). */
  username?: string;
  password?: string;
  /** Sent as `Authorization: Bearer <token>`; ignored when `username` is set. */
  token?: string;
  /** PEM CA bundle for a server on a private CA. */
  ca?: string;
  timeoutMs?: number;
  /** Body cap, deadline (the decompressed cap does not apply: bodies are taken as sent). */
  limits?: Partial<StateSourceLimits>;
}

/**
 * Reads states from a server speaking Terraform's `http` backend protocol: a state is
 * fetched with `GET <address>`. The key is appended to `baseUrl` with each `/`-separated
 * segment percent-encoded on its own, so `payments/prod.tfstate` under
 * `https://tfstate.example.com/states` is `GET https://tfstate.example.com/states/payments/prod.tfstate`
 * (GitLab: `baseUrl: https://gitlab.example.com/api/v4/projects/42/terraform/state`, key = state name).
 *
 * Like Terraform's own client (internal/backend/remote-state/http/client.go), 404, 204 and
 * an empty 200 body all mean "no state yet". The marker is the `ETag` from a `HEAD`; servers
 * that send no ETag (or refuse HEAD) cost a full `GET`, and the marker is then the sha256 of
 * the body, which `read` spools to a temporary file (never to memory) to compute. A body over
 * `maxBodyBytes` is refused, and a request still running at the deadline is cut off.
 *
 * @public
 */
export class HttpStateSource implements StateSource {
  readonly type = 'http' as const;

  static fromConfig(config: Config): HttpStateSource {
    return HttpStateSource.create({
      id: config.getString('id'),
      baseUrl: config.getString('baseUrl'),
      username: config.getOptionalString('username'),
      password: config.getOptionalString('password'),
      token: config.getOptionalString('token'),
      ca: config.getOptionalString('ca'),
      timeoutMs: readTimeoutMs(config),
      limits: readStateSourceLimits(config),
    });
  }

  static create(options: HttpStateSourceOptions): HttpStateSource {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(
        `Terraform state source "${options.id}": baseUrl must be an http(s) URL`,
      );
    }
    if (url.username || url.password) {
      // Credentials in the URL would end up in error messages and logs.
      throw new Error(
        `Terraform state source "${options.id}": put credentials in username/password, not in baseUrl`,
      );
    }
    return new HttpStateSource(options);
  }

  readonly id: string;
  private readonly headers: Record<string, string> = {};
  private readonly limits: StateSourceLimits;

  private constructor(private readonly options: HttpStateSourceOptions) {
    this.id = options.id;
    this.limits = { ...DEFAULT_STATE_SOURCE_LIMITS, ...options.limits };
    if (options.username !== undefined) {
      const basic = Buffer.from(
        `${options.username}:${options.password ?? ''}`,
      ).toString('base64');
      this.headers.authorization = `Basic ${basic}`;
    } else if (options.token) {
      this.headers.authorization = `Bearer ${options.token}`;
    }
  }

  async marker(key: string): Promise<string | undefined> {
    const head = await this.request(
      key,
      'HEAD',
      Date.now() + this.limits.deadlineMs,
    );
    head.body.resume();
    if (isAbsent(head)) return undefined;
    const etag = header(head.headers, 'etag');
    // 405/501: the server does not do HEAD; fall back to GET like a server without ETags.
    if (head.status >= 200 && head.status < 300 && etag) return etag;
    if (head.status !== 405 && head.status !== 501) this.check(key, head);
    const result = await this.read(key);
    result?.body.destroy();
    return result?.marker;
  }

  async read(
    key: string,
  ): Promise<{ marker: string; body: Readable } | undefined> {
    const res = await this.request(
      key,
      'GET',
      Date.now() + this.limits.deadlineMs,
    );
    if (isAbsent(res)) {
      res.body.resume();
      return undefined;
    }
    this.check(key, res);
    const { maxBodyBytes } = this.limits;
    const tooLarge = () => capError(this.id, key, 'body', maxBodyBytes);
    // A declared size over the cap is refused before a byte of the body is read.
    const length = Number(header(res.headers, 'content-length'));
    if (Number.isFinite(length) && length > maxBodyBytes) {
      res.body.destroy();
      throw tooLarge();
    }
    const etag = header(res.headers, 'etag');
    if (etag) return { marker: etag, body: res.body };

    const spooled = await this.guard(key, () =>
      spoolBody(res.body, maxBodyBytes, tooLarge),
    );
    if (spooled.size === 0) {
      spooled.discard();
      return undefined;
    }
    return { marker: `sha256:${spooled.sha256}`, body: spooled.open() };
  }

  private async request(
    key: string,
    method: 'GET' | 'HEAD',
    deadlineAt: number,
  ) {
    const url = joinUrl(this.options.baseUrl, encodeKeyPath(key));
    return this.guard(key, () =>
      httpRequest(url, {
        method,
        headers: { accept: 'application/json', ...this.headers },
        ca: this.options.ca,
        timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        deadlineAt,
        deadlineError: () =>
          deadlineError(this.id, key, this.limits.deadlineMs),
      }),
    );
  }

  private check(key: string, res: HttpResponseLike) {
    if (res.status >= 200 && res.status < 300) return;
    res.body.resume();
    throw this.error(key, { status: res.status });
  }

  private async guard<T>(key: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof StateSourceError) throw error;
      throw this.error(key, { cause: error });
    }
  }

  private error(key: string, details: { status?: number; cause?: unknown }) {
    return new StateSourceError({
      sourceId: this.id,
      key,
      reason: 'could not be read',
      ...details,
      secrets: [this.options.password, this.options.token],
    });
  }
}

function isAbsent(res: HttpResponseLike): boolean {
  return (
    res.status === 404 ||
    res.status === 204 ||
    (res.status === 200 && header(res.headers, 'content-length') === '0')
  );
}
