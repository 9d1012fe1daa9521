import { Config } from '@backstage/config';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { ConsulKv, ConsulKvError } from './consulKv';
import { DEFAULT_TIMEOUT_MS, readTimeoutMs } from './sourceUtils';
import { StateSourceError } from './StateSourceError';
import { StateSource } from './types';

const gunzipAsync = promisify(gunzip);

/** @public */
export interface ConsulKvStateSourceOptions {
  id: string;
  /** `host:port` as in Terraform's consul backend, or a full `https://host:port` URL. */
  address: string;
  /** Used when `address` has no scheme; defaults to `http`. */
  scheme?: 'http' | 'https';
  /** ACL token, sent as `X-Consul-Token`. */
  token?: string;
  datacenter?: string;
  /** PEM CA bundle for a Consul on a private CA. */
  ca?: string;
  timeoutMs?: number;
}

/**
 * Reads states written by Terraform's `consul` backend from Consul's KV store. The layout
 * is that of Terraform's internal/backend/remote-state/consul/client.go and backend_state.go:
 *
 * - The state of workspace `default` is the value at the backend's `path`; workspace `W`
 *   is at `<path>-env:W`. Keys here are the backend `path`; because `:` is not allowed in
 *   catalog references, workspace `W` is written `<path>@W` (`terraform/payments@staging`
 *   reads KV `terraform/payments-env:staging`; `@default` is the bare path).
 * - With `gzip = true` the value is gzip-compressed (detected by the 1f 8b magic bytes).
 * - A state too large for one KV entry is split: the value at the path is then the JSON
 *   `{"chunks": ["<path>/tfstate.<md5>/0", ...], "current-hash": "<md5>"}`, where `<md5>`
 *   is the md5 of the uncompressed state and the chunks, concatenated, are the (possibly
 *   gzipped) payload cut every 524288 bytes.
 *
 * The marker is the `ModifyIndex` of the entry at the path, which changes on every write
 * (chunked writes rewrite the pointer too). `marker` costs one KV read of that entry.
 *
 * @public
 */
export class ConsulKvStateSource implements StateSource {
  readonly type = 'consul' as const;

  static fromConfig(config: Config): ConsulKvStateSource {
    const scheme = config.getOptionalString('scheme');
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
      throw new Error(
        `Terraform state source "${config.getString('id')}": scheme must be http or https`,
      );
    }
    return ConsulKvStateSource.create({
      id: config.getString('id'),
      address: config.getString('address'),
      scheme,
      token: config.getOptionalString('token'),
      datacenter: config.getOptionalString('datacenter'),
      ca: config.getOptionalString('ca'),
      timeoutMs: readTimeoutMs(config),
    });
  }

  static create(options: ConsulKvStateSourceOptions): ConsulKvStateSource {
    const kv = new ConsulKv({ ...options, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    return new ConsulKvStateSource(options.id, kv, options.token);
  }

  private constructor(
    readonly id: string,
    private readonly kv: ConsulKv,
    private readonly token: string | undefined,
  ) {}

  async marker(key: string): Promise<string | undefined> {
    const entry = await this.guard(key, () => this.kv.get(kvPath(key)));
    return entry && entry.value.length > 0 ? String(entry.modifyIndex) : undefined;
  }

  async read(key: string): Promise<{ marker: string; body: Readable } | undefined> {
    const path = kvPath(key);
    const entry = await this.guard(key, () => this.kv.get(path));
    // Terraform too treats an empty value as "no state".
    if (!entry || entry.value.length === 0) return undefined;

    const pointer = await this.guard(key, async () => chunkPointer(entry.value));
    let payload = entry.value;
    if (pointer) {
      // Chunk paths come from KV data; only Terraform's own layout under this path is read,
      // so a tampered pointer cannot make the portal fetch other keys with its token.
      const expectedPrefix = `${path.replace(/\/+$/, '')}/tfstate.${pointer.hash}/`;
      const parts: Buffer[] = [];
      for (const chunk of pointer.chunks) {
        if (!chunk.startsWith(expectedPrefix)) {
          throw this.error(key, 'has a chunk outside its path');
        }
        const part = await this.guard(key, () => this.kv.getRaw(chunk));
        // Terraform deletes old chunks after writing new ones: a missing chunk means a
        // write happened while we read; the next refresh sees the new pointer.
        if (!part) throw this.error(key, 'changed while being read (a chunk is missing)');
        parts.push(part);
      }
      payload = Buffer.concat(parts);
    }
    if (payload.length >= 2 && payload[0] === 0x1f && payload[1] === 0x8b) {
      payload = await this.guard(key, () => gunzipAsync(payload));
    }
    if (pointer && createHash('md5').update(payload).digest('hex') !== pointer.hash) {
      throw this.error(key, 'does not match its current-hash (it changed while being read?)');
    }
    return { marker: String(entry.modifyIndex), body: Readable.from([payload]) };
  }

  private async guard<T>(key: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof StateSourceError) throw error;
      if (error instanceof ConsulKvError) {
        throw this.error(key, 'could not be read from Consul', error.status);
      }
      throw new StateSourceError({
        sourceId: this.id,
        key,
        reason: 'could not be read from Consul',
        cause: error,
        secrets: [this.token],
      });
    }
  }

  private error(key: string, reason: string, status?: number) {
    return new StateSourceError({ sourceId: this.id, key, reason, status, secrets: [this.token] });
  }
}

/** `a/b` → `a/b`; `a/b@staging` → `a/b-env:staging` (Terraform's `keyEnvPrefix`). */
function kvPath(key: string): string {
  const slash = key.lastIndexOf('/');
  const at = key.lastIndexOf('@');
  if (at <= slash + 1 || at === key.length - 1) return key;
  const workspace = key.slice(at + 1);
  const path = key.slice(0, at);
  return workspace === 'default' ? path : `${path}-env:${workspace}`;
}

/** The chunk pointer Terraform writes for split states, or `undefined` for a plain value. */
function chunkPointer(value: Buffer): { hash: string; chunks: string[] } | undefined {
  // Cheap pre-check: a state is not parsed twice unless it can be a pointer.
  if (value[0] !== 0x7b || !value.includes('"current-hash"')) return undefined;
  let parsed: { 'current-hash'?: unknown; chunks?: unknown };
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch {
    return undefined;
  }
  const hash = parsed['current-hash'];
  const chunks = parsed.chunks;
  if (hash === undefined) return undefined;
  // Terraform writes a hex md5 and a list of paths; anything else is not its pointer, and
  // the hash must not be able to widen the chunk path check (no "/" or "..").
  if (typeof hash !== 'string' || !/^[0-9a-f]{32}$/.test(hash) || !Array.isArray(chunks)) {
    throw new Error('malformed chunk pointer');
  }
  if (!chunks.every(c => typeof c === 'string' && !c.split('/').includes('..'))) {
    throw new Error('malformed chunk pointer');
  }
  return { hash, chunks: chunks as string[] };
}
