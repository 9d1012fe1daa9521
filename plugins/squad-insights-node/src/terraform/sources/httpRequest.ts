import http from 'node:http';
import https from 'node:https';
import { Readable, Transform, pipeline } from 'node:stream';

// node:http(s) rather than global fetch: fetch cannot take a custom CA without the undici
// package, and self-hosted Consul / Terraform Enterprise often run on a private CA.

/** @internal */
export interface HttpRequestOptions {
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  /** PEM CA bundle to trust instead of Node's default store. */
  ca?: string;
  /** Longest wait for the server without receiving anything (headers or body bytes). */
  timeoutMs: number;
  /** Redirects to follow (default none). */
  maxRedirects?: number;
  /**
   * Absolute deadline (epoch ms) of the whole exchange, body included: unlike the idle
   * timeout, a server that sends one byte now and then cannot hold the request past it.
   */
  deadlineAt?: number;
  /** The error the request or body fails with at the deadline. */
  deadlineError?: () => Error;
}

/** @internal */
export interface HttpResponseLike {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Readable;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One HTTP exchange. The body is returned unread so large states stream; the timeout is an
 * idle timeout, so a slow but progressing download of a big state is not cut off while a
 * stalled server is.
 *
 * @internal
 */
export async function httpRequest(
  url: string,
  options: HttpRequestOptions,
): Promise<HttpResponseLike> {
  let current = new URL(url);
  let headers = lowerCaseKeys(options.headers ?? {});
  for (let hop = 0; ; hop++) {
    const res = await send(current, headers, options);
    const location = res.headers.location;
    if (
      !REDIRECTS.has(res.status) ||
      !location ||
      hop >= (options.maxRedirects ?? 0)
    ) {
      return res;
    }
    res.body.resume();
    const next = new URL(location, current);
    if (next.origin !== current.origin) {
      // Like browsers and fetch: credentials are for the origin they were configured for,
      // never for wherever a redirect points (e.g. a blob store's signed URL).
      headers = Object.fromEntries(
        Object.entries(headers).filter(
          ([name]) => name === 'accept' || name === 'user-agent',
        ),
      );
    }
    current = next;
  }
}

/**
 * Reads a whole (small) body, e.g. a JSON answer or an error page that is discarded. Past
 * `maxBytes` it stops reading, destroys the body and throws `onExceeded()`: a server cannot
 * make the portal buffer more than the cap.
 */
export async function readBody(
  body: Readable,
  maxBytes = Infinity,
  onExceeded: () => Error = () =>
    new Error(`answer larger than ${maxBytes} bytes`),
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += bytes.length;
    if (size > maxBytes) {
      body.destroy();
      throw onExceeded();
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

const TRANSPORTS: Record<string, typeof http | typeof https | undefined> = {
  'http:': http,
  'https:': https,
};

function send(
  url: URL,
  headers: Record<string, string>,
  options: HttpRequestOptions,
) {
  return new Promise<HttpResponseLike>((resolve, reject) => {
    const transport = TRANSPORTS[url.protocol];
    if (!transport) {
      reject(new Error(`unsupported URL scheme ${url.protocol}`));
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    let deadline: NodeJS.Timeout | undefined;
    // What the timers kill: the request until headers arrive, then the body stream.
    let victim: { destroy(error: Error): unknown } | undefined;
    if (options.deadlineAt !== undefined) {
      deadline = setTimeout(() => {
        const error =
          options.deadlineError?.() ?? new Error('deadline exceeded');
        victim?.destroy(error);
      }, Math.max(0, options.deadlineAt - Date.now()));
      deadline.unref();
    }
    const done = () => {
      clearTimeout(timer);
      clearTimeout(deadline);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          victim?.destroy(
            new Error(`no answer within ${options.timeoutMs} ms`),
          ),
        options.timeoutMs,
      );
      // The socket keeps the process alive while a request is open; the timer need not.
      timer.unref();
    };
    const req = transport.request(
      url,
      {
        method: options.method ?? 'GET',
        headers,
        ...(options.ca ? { ca: options.ca } : {}),
      },
      res => {
        arm();
        const body = new Transform({
          transform(chunk, _encoding, callback) {
            arm();
            callback(null, chunk);
          },
        });
        pipeline(res, body, done);
        victim = body;
        // A caller that drops the body must not crash the process when the idle timer later
        // destroys it; callers that do read still see the error through iteration/pipeline.
        body.on('error', () => {});
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      },
    );
    victim = req;
    req.on('error', error => {
      done();
      reject(error);
    });
    arm();
    req.end();
  });
}

function lowerCaseKeys(
  headers: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
}
