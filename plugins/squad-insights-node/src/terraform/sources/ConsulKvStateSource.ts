import { Config } from '@backstage/config';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ConsulKv, ConsulKvCallLimits, ConsulKvError } from './consulKv';
import {
  capError,
  DEFAULT_STATE_SOURCE_LIMITS,
  deadlineError,
  readStateSourceLimits,
  StateSourceLimits,
} from './sourceLimits';
import { DEFAULT_TIMEOUT_MS, readTimeoutMs } from './sourceUtils';
import { StateSourceError } from './StateSourceError';
import { StateSource } from './types';

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
  /** Body cap (all chunks together), decompressed cap and deadline; defaults apply per key. */
  limits?: Partial<StateSourceLimits>;
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
 * KV values are buffered (Consul answers whole values), at most `maxBodyBytes` over all
 * chunks; a gzipped payload is inflated as a stream, so a zip bomb (512 KiB of zeros inflates
 * to ~500 MiB) is cut off at `maxDecompressedBytes` before it is parsed or held in memory.
 *
 * @public
 */
export class ConsulKvStateSource implements StateSource {
  readonly type = 'consul' as const;

  static fromConfig(config: Config): ConsulKvStateSource {
    const scheme = config.getOptionalString('scheme');
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
      throw new Error(
        `Terraform state source "${config.getString(
          'id',
        )}": scheme must be http or https`,
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
      limits: readStateSourceLimits(config),
    });
  }

  static create(options: ConsulKvStateSourceOptions): ConsulKvStateSource {
    const kv = new ConsulKv({
      ...options,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    const limits = { ...DEFAULT_STATE_SOURCE_LIMITS, ...options.limits };
    return new ConsulKvStateSource(options.id, kv, options.token, limits);
  }

  private constructor(
    readonly id: string,
    private readonly kv: ConsulKv,
    private readonly token: string | undefined,
    private readonly limits: StateSourceLimits,
  ) {}

  async marker(key: string): Promise<string | undefined> {
    const budget = this.budget(key);
    const entry = await this.guard(key, () =>
      this.kv.get(kvPath(key), budget.call()),
    );
    return entry && entry.value.length > 0
      ? String(entry.modifyIndex)
      : undefined;
  }

  async read(
    key: string,
  ): Promise<{ marker: string; body: Readable } | undefined> {
    const path = kvPath(key);
    const budget = this.budget(key);
    const entry = await this.guard(key, () => this.kv.get(path, budget.call()));
    // Terraform too treats an empty value as "no state".
    if (!entry || entry.value.length === 0) return undefined;

    const pointer = await this.guard(key, async () =>
      chunkPointer(entry.value),
    );
    let payload = entry.value;
    if (pointer) {
      // Chunk paths come from KV data; only Terraform's own layout under this path is read,
      // so a tampered pointer cannot make the portal fetch other keys with its token.
      const expectedPrefix = `${path.replace(/\/+$/, '')}/tfstate.${
        pointer.hash
      }/`;
      const parts: Buffer[] = [];
      for (const chunk of pointer.chunks) {
        if (!chunk.startsWith(expectedPrefix)) {
          throw this.error(key, 'has a chunk outside its path');
        }
        const part = await this.guard(key, () =>
          this.kv.getRaw(chunk, budget.call()),
        );
        // Terraform deletes old chunks after writing new ones: a missing chunk means a
        // write happened while we read; the next refresh sees the new pointer.
        if (!part)
          throw this.error(
            key,
            'changed while being read (a chunk is missing)',
          );
        budget.spent(part.length);
        parts.push(part);
      }
      payload = Buffer.concat(parts);
    }
    const gzipped =
      payload.length >= 2 && payload[0] === 0x1f && payload[1] === 0x8b;
    if (gzipped || pointer) {
      // With gzip, a first pass inflates without keeping anything: it enforces the cap and
      // computes the md5 here, so a bomb or a torn write fails before any byte is parsed.
      const md5 = gzipped
        ? await this.guard(key, () =>
            this.inflatedMd5(key, payload, budget.deadlineAt),
          )
        : createHash('md5').update(payload).digest('hex');
      if (pointer && md5 !== pointer.hash) {
        throw this.error(
          key,
          'does not match its current-hash (it changed while being read?)',
        );
      }
    }
    const body = gzipped
      ? createGunzip().end(payload)
      : Readable.from([payload]);
    return { marker: String(entry.modifyIndex), body };
  }

  /** Inflates `payload` chunk by chunk, keeping only the running md5 and size. */
  private async inflatedMd5(
    key: string,
    payload: Buffer,
    deadlineAt: number,
  ): Promise<string> {
    const md5 = createHash('md5');
    const gunzip = createGunzip();
    gunzip.end(payload);
    let size = 0;
    try {
      for await (const chunk of gunzip) {
        size += chunk.length;
        if (size > this.limits.maxDecompressedBytes) {
          throw capError(
            this.id,
            key,
            'decompressed',
            this.limits.maxDecompressedBytes,
          );
        }
        if (Date.now() > deadlineAt)
          throw deadlineError(this.id, key, this.limits.deadlineMs);
        md5.update(chunk);
      }
    } finally {
      gunzip.destroy();
    }
    return md5.digest('hex');
  }

  /** The bounds shared by every KV call of one `marker` or `read`. */
  private budget(key: string) {
    const { maxBodyBytes, deadlineMs } = this.limits;
    const deadlineAt = Date.now() + deadlineMs;
    let used = 0;
    return {
      deadlineAt,
      spent: (bytes: number) => {
        used += bytes;
      },
      call: (): ConsulKvCallLimits => ({
        maxBytes: maxBodyBytes - used,
        onExceeded: () => capError(this.id, key, 'body', maxBodyBytes),
        deadlineAt,
        deadlineError: () => deadlineError(this.id, key, deadlineMs),
      }),
    };
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
    return new StateSourceError({
      sourceId: this.id,
      key,
      reason,
      status,
      secrets: [this.token],
    });
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
function chunkPointer(
  value: Buffer,
): { hash: string; chunks: string[] } | undefined {
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
  if (
    typeof hash !== 'string' ||
    !/^[0-9a-f]{32}$/.test(hash) ||
    !Array.isArray(chunks)
  ) {
    throw new Error('malformed chunk pointer');
  }
  if (
    !chunks.every(c => typeof c === 'string' && !c.split('/').includes('..'))
  ) {
    throw new Error('malformed chunk pointer');
  }
  return { hash, chunks: chunks as string[] };
}
