import Consul from 'consul';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type {
  ConsulCatalogServiceEntry,
  ConsulCatalogServices,
  ConsulHealthServiceEntry,
  ConsulIntentionCheck,
  ConsulIntentionMatch,
} from './consulApi';
import { ConsulRequestError, consulIndex, rawGet } from './rawGet';
import { buildServiceView, connectOf, intentionSources } from './serviceView';
import type {
  ConsulClientOptions,
  ConsulIntentions,
  ConsulRead,
  ConsulReadOptions,
  ConsulServiceView,
} from './types';

type NodeConsulOptions = {
  service?: string;
  dc?: string;
  ctx: EventEmitter;
  timeout: number;
  index?: string;
  wait?: string;
};

/**
 * Reads Consul's runtime view of services.
 *
 * node-consul serves the catalog and health reads. Its typed API returns only bodies, so we
 * pass a `ctx` with `includeResponse` (the mechanism its own `Watch` uses) to get the response
 * and with it `X-Consul-Index`. node-consul 2.0 has no Connect intentions API, so those and
 * {@link ConsulClient.read} use node:http(s) with the same agent (and so the same TLS setup).
 *
 * @public
 */
export class ConsulClient {
  private constructor(
    private readonly consul: Consul,
    private readonly agent: http.Agent,
    private readonly baseUrl: string,
    private readonly options: ConsulClientOptions,
  ) {}

  static create(options: ConsulClientOptions = {}): ConsulClient {
    const given = options.address?.includes('://')
      ? new URL(options.address)
      : new URL(
          `${options.scheme ?? 'http'}://${
            options.address ?? options.host ?? '127.0.0.1'
          }`,
        );
    const secure = given.protocol === 'https:';
    // An address without a port means Consul's port, not the scheme's 80/443.
    const port = given.port
      ? Number(given.port)
      : options.port ?? (secure ? 8501 : 8500);
    const tls = options.tls ?? {};
    const agent = secure
      ? new https.Agent({
          keepAlive: true,
          ca: tls.ca,
          cert: tls.cert,
          key: tls.key,
          rejectUnauthorized: tls.rejectUnauthorized ?? true,
        })
      : new http.Agent({ keepAlive: true });
    const defaults = {
      ...(options.token ? { token: options.token } : {}),
      ...(options.datacenter ? { dc: options.datacenter } : {}),
      ...(options.stale ? { stale: true } : {}),
    };
    const consul = new Consul({
      host: given.hostname,
      port,
      secure,
      agent,
      defaults,
    });
    return new ConsulClient(
      consul,
      agent,
      `${given.protocol}//${given.hostname}:${port}`,
      options,
    );
  }

  /** `GET /v1/catalog/services`: every service name and its tags. */
  listServices(
    opts: ConsulReadOptions = {},
  ): Promise<ConsulRead<ConsulCatalogServices>> {
    return this.viaNodeConsul(
      '/v1/catalog/services',
      o => this.consul.catalog.service.list(o),
      opts,
    );
  }

  /** `GET /v1/health/service/:name`: instances with their checks. */
  healthService(
    name: string,
    opts: ConsulReadOptions = {},
  ): Promise<ConsulRead<ConsulHealthServiceEntry[]>> {
    return this.viaNodeConsul(
      `/v1/health/service/${name}`,
      o => this.consul.health.service({ ...o, service: name }),
      opts,
    );
  }

  /** `GET /v1/catalog/connect/:name`: the Connect-capable endpoints (sidecars, native) of a service. */
  connectNodes(
    name: string,
    opts: ConsulReadOptions = {},
  ): Promise<ConsulRead<ConsulCatalogServiceEntry[]>> {
    return this.viaNodeConsul(
      `/v1/catalog/connect/${name}`,
      o => this.consul.catalog.connect.nodes({ ...o, service: name }),
      opts,
    );
  }

  /** `GET /v1/connect/intentions/match?by=destination&name=:name` (Consul 1.9+ semantics). */
  intentionsTo(
    name: string,
    opts: ConsulReadOptions = {},
  ): Promise<ConsulRead<ConsulIntentionMatch>> {
    return this.read(
      '/v1/connect/intentions/match',
      { by: 'destination', name },
      opts,
    );
  }

  /** `GET /v1/connect/intentions/check`: would `source` be allowed to reach `destination`? */
  async checkIntention(
    source: string,
    destination: string,
    opts: ConsulReadOptions = {},
  ): Promise<boolean> {
    const res = await this.read<ConsulIntentionCheck>(
      '/v1/connect/intentions/check',
      { source, destination },
      opts,
    );
    return res.body.Allowed === true;
  }

  /** A GET of any Consul API path (with token, datacenter, TLS and blocking parameters). */
  async read<T>(
    path: string,
    query: Record<string, string>,
    opts: ConsulReadOptions = {},
  ): Promise<ConsulRead<T>> {
    const url = new URL(path, this.baseUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    if (this.options.datacenter)
      url.searchParams.set('dc', this.options.datacenter);
    if (this.options.stale) url.searchParams.set('stale', '');
    if (opts.index !== undefined) {
      url.searchParams.set('index', String(opts.index));
      url.searchParams.set('wait', `${Math.ceil(this.waitMs(opts) / 1000)}s`);
    }
    const headers: Record<string, string> = this.options.token
      ? { 'x-consul-token': this.options.token }
      : {};
    const res = await rawGet(url, {
      agent: this.agent,
      headers,
      timeoutMs: this.deadline(opts),
      signal: opts.signal,
    });
    return { body: res.body as T, index: consulIndex(res.headers) };
  }

  /**
   * The runtime view of one service; undefined when Consul has no instance of it. The health
   * read is blocking when `opts.index` is given, the other reads never are.
   */
  async getServiceView(
    name: string,
    opts: ConsulReadOptions = {},
  ): Promise<ConsulServiceView | undefined> {
    const health = await this.healthService(name, opts);
    return health.body.length
      ? this.viewFrom(name, health, opts.signal)
      : undefined;
  }

  /** @internal Completes a view from a health read (used by watchService). */
  async viewFrom(
    name: string,
    health: ConsulRead<ConsulHealthServiceEntry[]>,
    signal?: AbortSignal,
  ): Promise<ConsulServiceView> {
    const [connect, intentions] = await Promise.all([
      this.connectNodes(name, { signal }),
      this.intentionsOf(name, signal),
    ]);
    return buildServiceView({
      name,
      health: health.body,
      index: health.index ?? 0,
      connect: connectOf(name, { catalog: connect.body, health: health.body }),
      intentions,
      datacenter: this.options.datacenter,
    });
  }

  /** Frees the connections kept alive for reuse. */
  close(): void {
    this.consul.destroy();
    this.agent.destroy();
  }

  // Intentions are optional to the view: a token without `intentions:read` (403) or a Consul
  // older than 1.9 (no /match by destination) still gets instances and health.
  private async intentionsOf(
    name: string,
    signal?: AbortSignal,
  ): Promise<ConsulIntentions> {
    try {
      const [match, defaultAllow] = await Promise.all([
        this.intentionsTo(name, { signal }),
        this.options.intentionsDefaultAllow ??
          // `source=*` matches only wildcard-source intentions, so the answer is what any
          // other source gets: a `* → name` intention, else the ACL / mesh default policy.
          this.checkIntention('*', name, { signal }).catch(() => undefined),
      ]);
      return {
        defaultAllow,
        sources: intentionSources(match.body[name] ?? []),
      };
    } catch (e) {
      if (
        e instanceof ConsulRequestError &&
        e.status !== undefined &&
        e.status < 500
      ) {
        return {
          defaultAllow: this.options.intentionsDefaultAllow,
          sources: [],
          unavailable: e.message,
        };
      }
      throw e;
    }
  }

  private waitMs(opts: ConsulReadOptions): number {
    // Consul caps wait at 10 minutes.
    return Math.min(opts.waitMs ?? 30_000, 600_000);
  }

  private deadline(opts: ConsulReadOptions): number {
    const base = this.options.timeoutMs ?? 10_000;
    if (opts.index === undefined) return base;
    const wait = this.waitMs(opts);
    return base + wait + wait / 16; // Consul adds up to wait/16 of jitter
  }

  private async viaNodeConsul<T>(
    path: string,
    call: (o: NodeConsulOptions) => Promise<unknown>,
    opts: ConsulReadOptions,
  ): Promise<ConsulRead<T>> {
    if (opts.signal?.aborted)
      throw new ConsulRequestError(`GET ${path} aborted`, path);
    const ctx = Object.assign(new EventEmitter(), { includeResponse: true });
    const cancel = () => ctx.emit('cancel'); // node-consul (papi) aborts the request on 'cancel'
    opts.signal?.addEventListener('abort', cancel, { once: true });
    const o: NodeConsulOptions = { ctx, timeout: this.deadline(opts) };
    if (opts.index !== undefined) {
      o.index = String(opts.index);
      o.wait = `${Math.ceil(this.waitMs(opts) / 1000)}s`;
    }
    try {
      const [res, body] = (await call(o)) as [http.IncomingMessage, T];
      return { body, index: consulIndex(res.headers) };
    } catch (e: any) {
      const status: number | undefined = e?.response?.statusCode;
      throw new ConsulRequestError(
        `GET ${path}: ${status ? `HTTP ${status} ` : ''}${e?.message ?? e}`,
        path,
        status,
        e,
      );
    } finally {
      opts.signal?.removeEventListener('abort', cancel);
    }
  }
}
