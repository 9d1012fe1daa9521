import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type express from 'express';

const gzipAsync = promisify(gzip);

/** About 50 MB: a few hundred large service pages, each kept as JSON and as gzip. */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

interface Answer {
  key: string;
  version: string;
  etag: string;
  json: Buffer;
  /** Compressed on first need, on the thread pool; shared by the requests that wait for it. */
  gzip?: Promise<Buffer>;
  /** Bytes counted against the budget: the JSON, plus the gzip once it is done. */
  bytes: number;
}

/**
 * Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 13.1.2 asks).
 * Not `req.fresh`: it answers in full whenever the request says `Cache-Control: no-cache`,
 * which fetch() adds by itself to any request that sets If-None-Match.
 */
function matchesIfNoneMatch(header: string | undefined, etag: string) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some(tag => opaque(tag) === opaque(etag));
}

/**
 * The bytes of JSON answers, kept per key (an entity) for one version of what they were built
 * from. Serialising and compressing a large answer costs more than everything else on its
 * route, and a service page asks for the same answer again and again while its version stays.
 *
 * A request is answered from here only when the version it computed itself is the one kept, so
 * an answer for older facts is never served; the caller's access checks run before, on every
 * request. Each version's first answer is serialised by `res.json`, so a response validator
 * (tests turn it on) checks it; later answers are the same bytes. Gzip when the client takes
 * it (the root compression middleware leaves an encoded body alone), plain JSON otherwise,
 * with a strong ETag per version and 304 for a matching If-None-Match.
 *
 * Bounded by bytes held; the least recently used answers are dropped first.
 */
export class VersionedAnswers {
  private readonly answers = new Map<string, Answer>();
  private held = 0;
  private readonly maxBytes: number;
  private readonly compress: (json: Buffer) => Promise<Buffer>;

  constructor(
    options: {
      maxBytes?: number;
      compress?: (json: Buffer) => Promise<Buffer>;
    } = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.compress = options.compress ?? (json => gzipAsync(json));
  }

  /** Bytes held now, JSON and gzip. */
  get heldBytes(): number {
    return this.held;
  }

  /**
   * Answers `body`, which is `version` of `key`. Without a version the body is answered as
   * usual and nothing is kept.
   */
  async send(
    req: express.Request,
    res: express.Response,
    options: { key: string; version?: string; body: unknown },
  ): Promise<void> {
    const { key, version, body } = options;
    if (version === undefined) {
      res.json(body);
      return;
    }
    let answer = this.answers.get(key);
    if (answer?.version === version) {
      // Most recently used last: Map keeps insertion order.
      this.answers.delete(key);
      this.answers.set(key, answer);
    } else {
      answer = this.build(res, key, version, body);
      // res.json answered something else (a body the validator refused).
      if (!answer) return;
    }
    await this.answer(req, res, answer);
  }

  private build(
    res: express.Response,
    key: string,
    version: string,
    body: unknown,
  ): Answer | undefined {
    // Serialised by res.json itself, so whatever wraps it (the response validator in tests)
    // sees this body; the bytes it would send are kept instead and answered below.
    let json: string | undefined;
    const send = res.send;
    res.send = function keep(this: express.Response, chunk?: any) {
      if (res.statusCode === 200 && typeof chunk === 'string') {
        json = chunk;
        return this;
      }
      return send.call(this, chunk);
    };
    try {
      res.json(body);
    } finally {
      res.send = send;
    }
    if (json === undefined) return undefined;
    // Kept compact even where the app indents JSON (Backstage sets `json spaces` in
    // development): indentation nearly doubles a facts answer, and every reader pays for it in
    // bytes to decompress and parse, on every request of the version.
    if (res.app?.get('json spaces')) json = JSON.stringify(JSON.parse(json));
    const answer: Answer = {
      key,
      version,
      etag: `"${createHash('sha256')
        .update(key)
        .update('\0')
        .update(version)
        .digest('base64url')}"`,
      json: Buffer.from(json),
      bytes: 0,
    };
    this.remember(answer);
    return answer;
  }

  private async answer(
    req: express.Request,
    res: express.Response,
    answer: Answer,
  ): Promise<void> {
    // One ETag per version for both encodings, as Express and the compression middleware do
    // for every other route: the decoded bytes are the same.
    res.setHeader('ETag', answer.etag);
    res.vary('Accept-Encoding');
    if (matchesIfNoneMatch(req.headers['if-none-match'], answer.etag)) {
      res.removeHeader('Content-Type');
      res.status(304).end();
      return;
    }
    res.type('application/json; charset=utf-8');
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      const gzipped = await this.gzipOf(answer);
      if (gzipped) {
        res.setHeader('Content-Encoding', 'gzip');
        res.send(gzipped);
        return;
      }
    }
    res.send(answer.json);
  }

  /** The answer's gzip, compressed once; undefined if compressing failed (plain JSON then). */
  private async gzipOf(answer: Answer): Promise<Buffer | undefined> {
    if (!answer.gzip) {
      answer.gzip = this.compress(answer.json);
      answer.gzip.then(
        gzipped => {
          // Counted only while it is still the kept answer for its key.
          if (this.answers.get(answer.key) !== answer) return;
          answer.bytes += gzipped.length;
          this.held += gzipped.length;
          this.evict();
        },
        () => {
          // Tried again on the next need.
          answer.gzip = undefined;
        },
      );
    }
    return answer.gzip.catch(() => undefined);
  }

  private remember(answer: Answer) {
    this.forget(answer.key);
    answer.bytes = answer.json.length;
    // Larger than the whole budget: served, never kept.
    if (answer.bytes > this.maxBytes) return;
    this.answers.set(answer.key, answer);
    this.held += answer.bytes;
    this.evict();
  }

  private evict() {
    while (this.held > this.maxBytes && this.answers.size > 0) {
      this.forget(this.answers.keys().next().value!);
    }
  }

  private forget(key: string) {
    const old = this.answers.get(key);
    if (!old) return;
    this.answers.delete(key);
    this.held -= old.bytes;
  }
}
