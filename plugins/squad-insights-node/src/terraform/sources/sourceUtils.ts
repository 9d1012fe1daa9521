import { Config } from '@backstage/config';
import { readDurationMs } from './sourceLimits';

/** Default for every network source: generous, since a state can be tens of megabytes. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Reads the optional `timeout` of a source (`'30s'`, `'PT1M'` or `{ seconds: 30 }`), as
 * milliseconds.
 */
export function readTimeoutMs(config: Config): number | undefined {
  return readDurationMs(config, 'timeout');
}

/**
 * Turns a validated state key (`a/b/c.tfstate`) into a URL path, encoding each segment on
 * its own so the `/` separators survive and nothing inside a segment can change the URL.
 */
export function encodeKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** Joins a base URL and an already encoded path with exactly one `/` between them. */
export function joinUrl(baseUrl: string, encodedPath: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodedPath.replace(/^\/+/, '')}`;
}

/** First value of a response header (Node gives arrays for repeated headers). */
export function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
) {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
