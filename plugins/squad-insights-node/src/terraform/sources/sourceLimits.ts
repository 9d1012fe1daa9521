import { Config, readDurationFromConfig } from '@backstage/config';
import { Readable, Transform, pipeline } from 'node:stream';
import { StateSourceError } from './StateSourceError';
import type { StateSource } from './types';

/**
 * The bounds every Terraform state source works within, so one state (or one server) can
 * neither exhaust the portal's memory or disk nor hold an ingestion pass forever.
 *
 * @public
 */
export interface StateSourceLimits {
  /** Most bytes read from the source for one state (the body as sent, before decompression). */
  maxBodyBytes: number;
  /** Most bytes a state may have once decompressed (Consul KV `gzip = true` states). */
  maxDecompressedBytes: number;
  /** Absolute deadline of one `marker` or `read`, from its start until the body is consumed. */
  deadlineMs: number;
}

/**
 * Defaults, chosen so that real states pass and a hostile or broken source is cut off:
 * - 2 GiB: the largest states seen in practice are a few hundred MB; bodies are streamed, so
 *   the cap bounds time and disk, not memory;
 * - 2 GiB decompressed: the same bound as an uncompressed body, since the decompressed bytes
 *   are what gets parsed; a zip bomb stops there rather than at the portal's memory;
 * - 5 minutes: a 1 GB state parsed and stored at ~5 MB/s end to end still fits, and it stays
 *   below the ingestion pass's default 10-minute timeout, so one stuck source cannot use it up.
 *
 * @public
 */
export const DEFAULT_STATE_SOURCE_LIMITS: Readonly<StateSourceLimits> =
  Object.freeze({
    maxBodyBytes: 2 * 1024 ** 3,
    maxDecompressedBytes: 2 * 1024 ** 3,
    deadlineMs: 5 * 60_000,
  });

/** A duration key of a source (`'30s'`, `'PT1M'`, `{ seconds: 30 }`) as milliseconds. */
export function readDurationMs(
  config: Config,
  key: string,
): number | undefined {
  if (!config.has(key)) return undefined;
  const d = readDurationFromConfig(config, { key });
  const days =
    (d.years ?? 0) * 365 +
    (d.months ?? 0) * 30 +
    (d.weeks ?? 0) * 7 +
    (d.days ?? 0);
  const seconds =
    ((days * 24 + (d.hours ?? 0)) * 60 + (d.minutes ?? 0)) * 60 +
    (d.seconds ?? 0);
  const ms = seconds * 1000 + (d.milliseconds ?? 0);
  if (!(ms > 0)) {
    const id = config.getOptionalString('id') ?? '?';
    throw new Error(
      `Terraform state source "${id}" has an invalid ${key}: it must be positive`,
    );
  }
  return ms;
}

function positiveInteger(config: Config, key: string): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value <= 0) {
    const id = config.getOptionalString('id') ?? '?';
    throw new Error(
      `Terraform state source "${id}" has an invalid ${key}: it must be a positive whole number of bytes`,
    );
  }
  return value;
}

/**
 * Reads `maxBodyBytes`, `maxDecompressedBytes` and `deadline` of one source entry, with the
 * defaults of {@link DEFAULT_STATE_SOURCE_LIMITS}.
 *
 * @public
 */
export function readStateSourceLimits(config: Config): StateSourceLimits {
  return {
    maxBodyBytes:
      positiveInteger(config, 'maxBodyBytes') ??
      DEFAULT_STATE_SOURCE_LIMITS.maxBodyBytes,
    maxDecompressedBytes:
      positiveInteger(config, 'maxDecompressedBytes') ??
      DEFAULT_STATE_SOURCE_LIMITS.maxDecompressedBytes,
    deadlineMs:
      readDurationMs(config, 'deadline') ??
      DEFAULT_STATE_SOURCE_LIMITS.deadlineMs,
  };
}

/** The error of a byte cap: names the cap and its config key, never any of the bytes. */
export function capError(
  sourceId: string,
  key: string,
  what: 'body' | 'decompressed',
  cap: number,
) {
  const setting = what === 'body' ? 'maxBodyBytes' : 'maxDecompressedBytes';
  const size =
    what === 'body' ? 'is larger than' : 'is larger, once decompressed, than';
  return new StateSourceError({
    sourceId,
    key,
    reason: `${size} the cap of ${cap} bytes (${setting} of the source) and was not read`,
  });
}

/** The error of a missed deadline. */
export function deadlineError(
  sourceId: string,
  key: string,
  deadlineMs: number,
) {
  return new StateSourceError({
    sourceId,
    key,
    reason: `was cut off: not read within the deadline of ${
      deadlineMs / 1000
    } s (deadline of the source)`,
  });
}

/**
 * Passes a stream on while counting its bytes; past `maxBytes` it fails with `onExceeded()`
 * instead of delivering the chunk that crossed the cap.
 */
export function capBytes(
  body: Readable,
  maxBytes: number,
  onExceeded: () => Error,
): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(onExceeded());
      else callback(null, chunk);
    },
  });
  // pipeline forwards errors both ways and destroys the source once the counter fails.
  pipeline(body, counter, () => {});
  return counter;
}

/**
 * A source with its limits enforced on every state, whatever its type: `marker` and `read`
 * fail once the deadline passes, and the body is cut off past `maxBodyBytes` or when the
 * deadline passes while it is still being consumed. Network sources also stop their own
 * requests at the deadline, so no socket outlives it.
 *
 * @public
 */
export function withStateSourceLimits(
  source: StateSource,
  limits: StateSourceLimits,
): StateSource {
  const race = <T>(key: string, started: number, work: Promise<T>) => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(deadlineError(source.id, key, limits.deadlineMs)),
        Math.max(0, started + limits.deadlineMs - Date.now()),
      );
      timer.unref();
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  };
  return {
    id: source.id,
    type: source.type,
    marker: key => race(key, Date.now(), source.marker(key)),
    async read(key) {
      const started = Date.now();
      const opening = source.read(key);
      const found = await race(key, started, opening).catch(error => {
        // A read that opens after the deadline must not leave its stream open.
        opening.then(
          late => late?.body.destroy(),
          () => {},
        );
        throw error;
      });
      if (!found) return undefined;
      const body = capBytes(found.body, limits.maxBodyBytes, () =>
        capError(source.id, key, 'body', limits.maxBodyBytes),
      );
      const timer = setTimeout(
        () => body.destroy(deadlineError(source.id, key, limits.deadlineMs)),
        Math.max(0, started + limits.deadlineMs - Date.now()),
      );
      timer.unref();
      body.once('close', () => clearTimeout(timer));
      return { marker: found.marker, body };
    },
  };
}
