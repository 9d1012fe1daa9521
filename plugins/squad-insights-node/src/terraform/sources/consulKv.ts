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

/**
 * Bounds of one KV call: the most bytes the answer may have, what to throw past them, and the
 * absolute deadline of the read it belongs to. @internal
 */
export interface ConsulKvCallLimits {
  maxBytes: number;
  onExceeded: () => Error;
  deadlineAt: number;
  deadlineError: () => Error;
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
  async get(
    path: string,
    limits?: ConsulKvCallLimits,
  ): Promise<{ value: Buffer; modifyIndex: number } | undefined> {
    const body = await this.call(path, false, limits);
    if (!body) return undefined;
    let entries: Array<{
      Key?: string;
      Value?: string | null;
      ModifyIndex?: number;
    }>;
    try {
      entries = JSON.parse(body.toString('utf8'));
    } catch {
      // JSON.parse's message quotes the input: the answer's bytes must not reach a log.
      throw new Error('Consul sent a KV answer that is not JSON');
    }
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
  async getRaw(
    path: string,
    limits?: ConsulKvCallLimits,
  ): Promise<Buffer | undefined> {
    return this.call(path, true, limits);
  }

  private async call(
    path: string,
    raw: boolean,
    limits: ConsulKvCallLimits | undefined,
  ): Promise<Buffer | undefined> {
    const query = [
      ...(raw ? ['raw'] : []),
      ...(this.options.datacenter
        ? [`dc=${encodeURIComponent(this.options.datacenter)}`]
        : []),
    ];
    const url = `${this.baseUrl}/v1/kv/${encodeKeyPath(path)}${
      query.length ? `?${query.join('&')}` : ''
    }`;
    const res = await httpRequest(url, {
      headers: this.options.token
        ? { 'x-consul-token': this.options.token }
        : {},
      ca: this.options.ca,
      timeoutMs: this.options.timeoutMs,
      deadlineAt: limits?.deadlineAt,
      deadlineError: limits?.deadlineError,
    });
    const body = await readBody(res.body, limits?.maxBytes, limits?.onExceeded);
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw new ConsulKvError(res.status);
    return body;
  }
}
