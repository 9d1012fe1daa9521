import { httpRequest, readBody } from './httpRequest';
import { encodeKeyPath } from './sourceUtils';

/** How to reach one Consul cluster's HTTP API. @internal */
export interface ConsulKvOptions {
  /** `host:port` as in Terraform's consul backend, or a full `https://host:port` URL. */
  address: string;
  scheme?: 'http' | 'https';
  token?: string;
  datacenter?: string;
  ca?: string;
  timeoutMs: number;
}

/** A failed KV call; the status is kept so the state source can report it. @internal */
export class ConsulKvError extends Error {
  constructor(readonly status: number) {
    super(`Consul answered HTTP ${status}`);
  }
}

/**
 * The two KV reads the consul state source needs, over Consul's HTTP API
 * (`GET /v1/kv/:key`, documented at developer.hashicorp.com/consul/api-docs/kv).
 *
 * @internal
 */
export class ConsulKv {
  private readonly baseUrl: string;

  constructor(private readonly options: ConsulKvOptions) {
    const base = options.address.includes('://')
      ? options.address
      : `${options.scheme ?? 'http'}://${options.address}`;
    this.baseUrl = base.replace(/\/+$/, '');
  }

  /**
   * The entry at `path` with its decoded value, or `undefined` when the key does not exist.
   * Consul answers a JSON array of entries with the value base64-encoded (`null` when empty).
   */
  async get(path: string): Promise<{ value: Buffer; modifyIndex: number } | undefined> {
    const body = await this.call(path, false);
    if (!body) return undefined;
    const entries = JSON.parse(body.toString('utf8')) as Array<{
      Key?: string;
      Value?: string | null;
      ModifyIndex?: number;
    }>;
    const entry = Array.isArray(entries)
      ? entries.find(e => e.Key === path) ?? entries[0]
      : undefined;
    if (!entry || typeof entry.ModifyIndex !== 'number') {
      throw new Error(`Consul sent an unexpected answer for a KV read`);
    }
    return {
      value: entry.Value ? Buffer.from(entry.Value, 'base64') : Buffer.alloc(0),
      modifyIndex: entry.ModifyIndex,
    };
  }

  /** The raw bytes at `path` (`?raw`: no JSON or base64 overhead for big chunks). */
  async getRaw(path: string): Promise<Buffer | undefined> {
    return this.call(path, true);
  }

  private async call(path: string, raw: boolean): Promise<Buffer | undefined> {
    const query = [
      ...(raw ? ['raw'] : []),
      ...(this.options.datacenter ? [`dc=${encodeURIComponent(this.options.datacenter)}`] : []),
    ];
    const url = `${this.baseUrl}/v1/kv/${encodeKeyPath(path)}${
      query.length ? `?${query.join('&')}` : ''
    }`;
    const res = await httpRequest(url, {
      headers: this.options.token ? { 'x-consul-token': this.options.token } : {},
      ca: this.options.ca,
      timeoutMs: this.options.timeoutMs,
    });
    const body = await readBody(res.body);
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw new ConsulKvError(res.status);
    return body;
  }
}
