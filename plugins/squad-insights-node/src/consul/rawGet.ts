import http from 'node:http';
import https from 'node:https';

/**
 * A Consul API call that failed: an HTTP status other than 2xx (`status` set), a timeout, or a
 * network error (`status` undefined).
 *
 * @public
 */
export class ConsulRequestError extends Error {
  readonly status?: number;
  readonly path: string;
  constructor(message: string, path: string, status?: number, cause?: unknown) {
    super(message, { cause });
    this.name = 'ConsulRequestError';
    this.path = path;
    this.status = status;
  }
}

/** @internal */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** @internal */
export interface RawGetOptions {
  agent: http.Agent;
  headers: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
}

const MAX_BODY = 32 * 1024 * 1024;

// node:http(s) rather than global fetch: fetch can only trust a private CA or present a client
// certificate through an undici dispatcher (a dependency we do not have), whereas an
// https.Agent carries the TLS settings and is shared with node-consul, which uses it too.
/** @internal */
export function rawGet(url: URL, options: RawGetOptions): Promise<RawResponse> {
  const path = url.pathname + url.search;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new ConsulRequestError(`GET ${path} aborted`, path));
      return;
    }
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request(url, {
      method: 'GET',
      agent: options.agent,
      headers: { accept: 'application/json', ...options.headers },
    });
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    let onAbort: (() => void) | undefined = undefined;
    const cleanup = () => {
      clearTimeout(timer);
      if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (message: string, cause?: unknown) => {
      cleanup();
      req.destroy();
      reject(new ConsulRequestError(message, path, undefined, cause));
    };
    onAbort = () => fail(`GET ${path} aborted`);
    // An absolute deadline, not an idle timeout: a blocking query is idle by design until
    // Consul answers, so the caller sizes timeoutMs to the `wait` it asked for.
    timer = setTimeout(
      () => fail(`GET ${path} timed out after ${options.timeoutMs} ms`),
      options.timeoutMs,
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', err => fail(`GET ${path} failed: ${err.message}`, err));
    req.on('response', res => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY)
          fail(`GET ${path}: response larger than ${MAX_BODY} bytes`);
        else chunks.push(chunk);
      });
      res.on('error', err => fail(`GET ${path} failed: ${err.message}`, err));
      res.on('end', () => {
        cleanup();
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          // Only the status: a body is whatever the server (or a proxy before it) chose to send,
          // and error messages reach logs and the API, so none of it is echoed.
          const reason = http.STATUS_CODES[status] ?? '';
          reject(
            new ConsulRequestError(
              `GET ${path}: HTTP ${status} ${reason}`.trim(),
              path,
              status,
            ),
          );
          return;
        }
        try {
          resolve({
            status,
            headers: res.headers,
            body: text ? JSON.parse(text) : null,
          });
        } catch (e) {
          reject(
            new ConsulRequestError(
              `GET ${path}: response is not JSON`,
              path,
              status,
              e,
            ),
          );
        }
      });
    });
    req.end();
  });
}

/** The `X-Consul-Index` header as a number; undefined when missing or not a number. @internal */
export function consulIndex(
  headers: http.IncomingHttpHeaders,
): number | undefined {
  const raw = headers['x-consul-index'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  // Raft indexes are uint64 but stay far below 2^53 in any real cluster.
  return Number(value);
}
