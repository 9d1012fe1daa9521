import express from 'express';
import request from 'supertest';
import { once } from 'node:events';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { VersionedAnswers } from './versionedAnswers';

/** A body that counts how often it is serialised, i.e. built into bytes. */
function countedBody(payload: unknown) {
  const toJSON = jest.fn(() => payload);
  return { body: { toJSON }, serialisations: () => toJSON.mock.calls.length };
}

/** Raw bytes and headers: supertest would decode the gzip before a test sees it. */
async function raw(server: express.Express, headers: Record<string, string>) {
  const listener = server.listen(0);
  await once(listener, 'listening');
  try {
    const { port } = listener.address() as AddressInfo;
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      get({ port, path: '/facts', headers }, resolve).on('error', reject),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk);
    return { headers: res.headers, bytes: Buffer.concat(chunks) };
  } finally {
    listener.close();
  }
}

describe('VersionedAnswers', () => {
  let current: { version?: string; body: unknown };
  let answers: VersionedAnswers;
  let compress: jest.Mock<Promise<Buffer>, [Buffer]>;

  function app(wrap?: express.RequestHandler) {
    const a = express();
    if (wrap) a.use(wrap);
    a.get('/facts', async (req, res) => {
      await answers.send(req, res, { key: 'component:default/a', ...current });
    });
    return a;
  }

  beforeEach(() => {
    compress = jest.fn(async (json: Buffer) => gzipSync(json));
    answers = new VersionedAnswers({ compress });
  });

  it('builds the bytes once per version and again for a new one', async () => {
    const first = countedBody({ facts: 1 });
    current = { version: 'v1', body: first.body };
    const server = app();
    for (let i = 0; i < 3; i++) {
      const res = await request(server).get('/facts').expect(200);
      expect(res.body).toEqual({ facts: 1 });
    }
    expect(first.serialisations()).toBe(1);
    expect(compress).toHaveBeenCalledTimes(1);

    const second = countedBody({ facts: 2 });
    current = { version: 'v2', body: second.body };
    const res = await request(server).get('/facts').expect(200);
    expect(res.body).toEqual({ facts: 2 });
    expect(second.serialisations()).toBe(1);
    expect(compress).toHaveBeenCalledTimes(2);
  });

  it('answers gzip to a client that takes it and plain JSON otherwise, the same JSON', async () => {
    current = { version: 'v1', body: { facts: 'x'.repeat(5000) } };
    const server = app();
    const gz = await raw(server, { 'Accept-Encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/Accept-Encoding/);
    const plain = await raw(server, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(gunzipSync(gz.bytes).toString())).toEqual(current.body);
    expect(JSON.parse(plain.bytes.toString())).toEqual(current.body);
    expect(gz.headers.etag).toBe(plain.headers.etag);
  });

  it('keeps the JSON compact where the app indents it, as Backstage does in development', async () => {
    const body = {
      facts: [{ address: 'aws_s3_bucket.a', tags: { Team: 'x' } }],
    };
    current = { version: 'v1', body };
    const server = app();
    server.set('json spaces', 2);
    for (let i = 0; i < 2; i++) {
      const plain = await raw(server, { 'Accept-Encoding': 'identity' });
      expect(plain.bytes.toString()).toBe(JSON.stringify(body));
      const gz = await raw(server, { 'Accept-Encoding': 'gzip' });
      expect(gunzipSync(gz.bytes).toString()).toBe(JSON.stringify(body));
    }
  });

  it('answers 304 to the ETag of the current version only', async () => {
    current = { version: 'v1', body: { facts: 1 } };
    const server = app();
    const first = await request(server).get('/facts').expect(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[^"]+"$/); // strong: no W/ prefix

    const again = await request(server)
      .get('/facts')
      .set('If-None-Match', etag)
      .expect(304);
    expect(again.headers.etag).toBe(etag);
    expect(again.text).toBe('');
    // As fetch() sends it (Cache-Control: no-cache), in a list, weakly compared, or any.
    for (const ifNoneMatch of [etag, `"other", W/${etag}`, '*']) {
      await request(server)
        .get('/facts')
        .set('If-None-Match', ifNoneMatch)
        .set('Cache-Control', 'no-cache')
        .expect(304);
    }
    await request(server)
      .get('/facts')
      .set('If-None-Match', '"other"')
      .expect(200);

    current = { version: 'v2', body: { facts: 2 } };
    const changed = await request(server)
      .get('/facts')
      .set('If-None-Match', etag)
      .expect(200);
    expect(changed.body).toEqual({ facts: 2 });
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('keeps nothing without a version', async () => {
    const counted = countedBody({ facts: 1 });
    current = { body: counted.body };
    const server = app();
    await request(server).get('/facts').expect(200);
    await request(server).get('/facts').expect(200);
    expect(counted.serialisations()).toBe(2);
    expect(answers.heldBytes).toBe(0);
  });

  it('keeps no answer that what wraps res.json refused, and answers its error', async () => {
    // Like express-openapi-validator's response check: a refused body becomes a 500.
    const refuse: express.RequestHandler = (_req, res, next) => {
      const json = res.json;
      res.json = function checked(body) {
        res.json = json;
        return body.facts === 'bad'
          ? res.status(500).json({ message: 'response/facts must be number' })
          : json.call(res, body);
      };
      next();
    };
    current = { version: 'v1', body: { facts: 'bad' } };
    const server = app(refuse);
    const res = await request(server).get('/facts').expect(500);
    expect(res.body).toEqual({ message: 'response/facts must be number' });
    expect(answers.heldBytes).toBe(0);

    current = { version: 'v1', body: { facts: 1 } };
    const ok = await request(server).get('/facts').expect(200);
    expect(ok.body).toEqual({ facts: 1 });
    expect(answers.heldBytes).toBeGreaterThan(0);
  });

  it('holds no more bytes than its budget, dropping the least recently used', async () => {
    const body = { facts: 'y'.repeat(1000) };
    answers = new VersionedAnswers({ maxBytes: 2500, compress });
    const server = express();
    server.get('/facts/:key', async (req, res) => {
      await answers.send(req, res, {
        key: req.params.key,
        version: 'v1',
        body,
      });
    });
    const identity = (key: string) =>
      request(server)
        .get(`/facts/${key}`)
        .set('Accept-Encoding', 'identity')
        .expect(200);
    await identity('a');
    await identity('b');
    expect(answers.heldBytes).toBeLessThanOrEqual(2500);
    await identity('a'); // a is now the most recently used
    await identity('c'); // b goes
    expect(answers.heldBytes).toBeLessThanOrEqual(2500);

    const counted = countedBody(body);
    const rebuilt = express();
    rebuilt.get('/facts/:key', async (req, res) => {
      await answers.send(req, res, {
        key: req.params.key,
        version: 'v1',
        body: counted.body,
      });
    });
    await request(rebuilt).get('/facts/a').set('Accept-Encoding', 'identity');
    expect(counted.serialisations()).toBe(0);
    await request(rebuilt).get('/facts/b').set('Accept-Encoding', 'identity');
    expect(counted.serialisations()).toBe(1);
  });
});
