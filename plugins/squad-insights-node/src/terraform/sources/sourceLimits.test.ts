import { ConfigReader, type JsonObject } from '@backstage/config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createStateSources } from './createStateSources';
import { readStateSourceLimits } from './sourceLimits';
import { readAll } from './testUtils';

// Real HTTP on 127.0.0.1 (no mocks): caps and deadlines act on sockets and streams, so they
// are tested against a server that really dribbles, inflates or overflows.

const CANARY = 'BODY-CANARY-9c1e';

// Each deadline test waits ~1 s; compressing the bomb takes a while on a busy machine.
jest.setTimeout(30_000);

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let server: http.Server;
let base: string;
let handler: Handler;

beforeAll(async () => {
  server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => server.closeAllConnections());
afterAll(() => new Promise(resolve => server.close(resolve)));

function source(entry: JsonObject) {
  const config = new ConfigReader({
    squadInsights: { terraform: { sources: [entry] } },
  });
  return createStateSources(config).get(entry.id as string)!;
}

/** A Consul KV answer (`GET /v1/kv/:key`) holding `value`. */
function kvAnswer(res: http.ServerResponse, key: string, value: Buffer) {
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify([
      { Key: key, ModifyIndex: 42, Flags: 0, Value: value.toString('base64') },
    ]),
  );
}

/** The message of what `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a failure');
}

describe('state source limits', () => {
  it('cuts a gzip bomb from Consul KV off at the decompressed cap, naming source, key and cap', async () => {
    // 16 MiB that gzip to ~16 KiB: the shape of Terraform's gzip = true, inflated 1000 times.
    const bomb = gzipSync(
      Buffer.concat([Buffer.from(CANARY), Buffer.alloc(16 * 1024 ** 2)]),
    );
    expect(bomb.length).toBeLessThan(512 * 1024);
    handler = (_req, res) => kvAnswer(res, 'terraform/payments', bomb);
    const consul = source({
      id: 'consul-kv',
      type: 'consul',
      address: base,
      maxDecompressedBytes: 1024 * 1024,
    });
    const message = await failure(consul.read('terraform/payments'));
    expect(message).toContain('consul-kv:terraform/payments');
    expect(message).toContain('1048576 bytes');
    expect(message).toContain('maxDecompressedBytes');
    expect(message).not.toContain(CANARY);
  });

  it('still reads a gzipped state within the cap', async () => {
    const state = JSON.stringify({ version: 4, serial: 1, resources: [] });
    handler = (_req, res) =>
      kvAnswer(res, 'terraform/payments', gzipSync(state));
    const consul = source({ id: 'consul-kv', type: 'consul', address: base });
    expect(await readAll((await consul.read('terraform/payments'))!.body)).toBe(
      state,
    );
  });

  it.each([
    [
      'http (body streamed with an ETag)',
      { type: 'http', baseUrl: `{base}/states` },
      'body',
    ],
    [
      'consul (KV answer buffered)',
      { type: 'consul', address: '{base}' },
      'open',
    ],
  ])(
    'cuts a server sending one byte every 20 s off at the absolute deadline: %s',
    async (_, entry, stage) => {
      handler = (_req, res) => {
        res.writeHead(200, {
          'content-type': 'application/json',
          etag: '"v1"',
        });
        res.write('[');
        // Far within the idle timeout (30 s), so only the deadline can stop it.
        const timer = setInterval(() => res.write(' '), 20_000);
        res.on('close', () => clearInterval(timer));
      };
      const src = source({
        id: 'slow',
        ...Object.fromEntries(
          Object.entries(entry).map(([k, v]) => [
            k,
            v.replace('{base}', () => base),
          ]),
        ),
        deadline: '1s',
      });
      const message = await failure(
        stage === 'body'
          ? src.read('payments.tfstate').then(found => readAll(found!.body))
          : src.read('payments.tfstate'),
      );
      expect(message).toBe(
        'Terraform state slow:payments.tfstate was cut off: not read within the deadline of 1 s (deadline of the source)',
      );
    },
  );

  it.each([
    ['with Content-Length', { 'content-length': '5000' }],
    ['chunked, with an ETag', { etag: '"v2"' }],
    ['chunked, without an ETag (hashed while spooled)', {}],
  ])(
    'refuses an HTTP body over maxBodyBytes (%s), without echoing it',
    async (_, headers) => {
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', ...headers });
        res.end(CANARY.repeat(5000 / CANARY.length + 1).slice(0, 5000));
      };
      const src = source({
        id: 'web',
        type: 'http',
        baseUrl: base,
        maxBodyBytes: 1000,
      });
      const message = await failure(
        src.read('payments.tfstate').then(found => readAll(found!.body)),
      );
      expect(message).toBe(
        'Terraform state web:payments.tfstate is larger than the cap of 1000 bytes (maxBodyBytes of the source) and was not read',
      );
    },
  );

  it('caps a local file too (every source is bounded)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'si-limits-'));
    try {
      writeFileSync(join(root, 'big.tfstate'), 'x'.repeat(4096));
      const local = source({
        id: 'disk',
        type: 'local',
        root,
        maxBodyBytes: 100,
      });
      const message = await failure(
        local.read('big.tfstate').then(f => readAll(f!.body)),
      );
      expect(message).toContain(
        'disk:big.tfstate is larger than the cap of 100 bytes',
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('never echoes what a server answered in its errors', async () => {
    handler = (req, res) => {
      res.writeHead(req.url!.startsWith('/v1/kv') ? 200 : 500, {
        'content-type': 'text/plain',
      });
      res.end(`${CANARY} stack trace with secrets`);
    };
    const consul = source({ id: 'consul-kv', type: 'consul', address: base });
    const web = source({ id: 'web', type: 'http', baseUrl: base });
    const messages = [
      await failure(consul.read('terraform/payments')),
      await failure(web.read('payments.tfstate')),
    ];
    expect(messages[0]).toContain('consul-kv:terraform/payments');
    expect(messages[1]).toContain('HTTP 500');
    for (const message of messages) expect(message).not.toContain(CANARY);
  });

  it('reads the limits with defaults and refuses nonsense', () => {
    expect(readStateSourceLimits(new ConfigReader({ id: 'a' }))).toEqual({
      maxBodyBytes: 2 * 1024 ** 3,
      maxDecompressedBytes: 2 * 1024 ** 3,
      deadlineMs: 300_000,
    });
    expect(
      readStateSourceLimits(
        new ConfigReader({
          id: 'a',
          deadline: { seconds: 90 },
          maxBodyBytes: 10,
        }),
      ),
    ).toMatchObject({ deadlineMs: 90_000, maxBodyBytes: 10 });
    expect(() =>
      readStateSourceLimits(new ConfigReader({ id: 'a', maxBodyBytes: -1 })),
    ).toThrow(
      'Terraform state source "a" has an invalid maxBodyBytes: it must be a positive whole number of bytes',
    );
  });
});
