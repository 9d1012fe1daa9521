import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ConsulKvStateSource } from './ConsulKvStateSource';
import { StateSourceError } from './StateSourceError';
import { readAll, sampleState } from './testUtils';

const server = setupServer();
registerMswTestHooks(server);

const TOKEN = 'b1gs3cr3t-consul-acl-token';
const CONSUL = 'https://consul.internal:8501';

/** A fake KV store answering `GET /v1/kv/:key` (JSON or `?raw`) like Consul does. */
function kvStore(
  entries: Record<string, { value: Buffer; modifyIndex: number }>,
) {
  const calls: string[] = [];
  server.use(
    http.get(`${CONSUL}/v1/kv/*`, ({ request }) => {
      const url = new URL(request.url);
      const key = decodeURIComponent(url.pathname.slice('/v1/kv/'.length));
      calls.push(
        `${key} ${url.search} ${request.headers.get('x-consul-token')}`,
      );
      const entry = entries[key];
      if (!entry) {
        return new HttpResponse(null, {
          status: 404,
          headers: { 'X-Consul-Index': '210' },
        });
      }
      if (url.searchParams.has('raw')) return new HttpResponse(entry.value);
      // Shaped like the recorded sample response of GET /v1/kv/my-key in Consul's API docs
      // (website/content/api-docs/kv.mdx), minus Session, which only locked keys have.
      return HttpResponse.json(
        [
          {
            CreateIndex: 100,
            ModifyIndex: entry.modifyIndex,
            LockIndex: 0,
            Key: key,
            Flags: 0,
            Value: entry.value.length ? entry.value.toString('base64') : null,
          },
        ],
        { headers: { 'X-Consul-Index': String(entry.modifyIndex) } },
      );
    }),
  );
  return calls;
}

/** What Terraform's consul backend Put writes (client.go): optional gzip, then chunks. */
function terraformWrite(
  path: string,
  data: string,
  opts: { gzip: boolean; chunkSize?: number },
) {
  const payload = opts.gzip ? gzipSync(data) : Buffer.from(data);
  const chunkSize = opts.chunkSize ?? 524288;
  if (payload.length <= chunkSize)
    return { [path]: { value: payload, modifyIndex: 321 } };
  const md5 = createHash('md5').update(data).digest('hex');
  const entries: Record<string, { value: Buffer; modifyIndex: number }> = {};
  const chunkPaths: string[] = [];
  for (let i = 0; i * chunkSize < payload.length; i++) {
    const chunkPath = `${path.replace(/\/+$/, '')}/tfstate.${md5}/${i}`;
    chunkPaths.push(chunkPath);
    entries[chunkPath] = {
      value: payload.subarray(i * chunkSize, (i + 1) * chunkSize),
      modifyIndex: 300 + i,
    };
  }
  // Go's json.Marshal of a map sorts the keys: "chunks" comes before "current-hash".
  const pointer = JSON.stringify({ chunks: chunkPaths, 'current-hash': md5 });
  entries[path] = { value: Buffer.from(pointer), modifyIndex: 321 };
  return entries;
}

/** A state whose gzip is still larger than one Consul chunk (random data barely compresses). */
function largeState(): string {
  const state = JSON.parse(sampleState(40));
  state.resources[0].instances[0].attributes.blob =
    randomBytes(900_000).toString('base64');
  return JSON.stringify(state);
}

const source = (extra: Record<string, unknown> = {}) =>
  ConsulKvStateSource.fromConfig(
    new ConfigReader({
      id: 'consul',
      type: 'consul',
      address: 'consul.internal:8501',
      scheme: 'https',
      token: TOKEN,
      datacenter: 'eu-1',
      ...extra,
    }),
  );

describe('ConsulKvStateSource', () => {
  const state = sampleState(5);

  it('reads a plain state; the marker is the ModifyIndex; sends token and datacenter', async () => {
    const calls = kvStore(
      terraformWrite('terraform/payments', state, { gzip: false }),
    );
    await expect(source().marker('terraform/payments')).resolves.toBe('321');
    const result = await source().read('terraform/payments');
    expect(result?.marker).toBe('321');
    expect(await readAll(result!.body)).toBe(state);
    expect(calls[0]).toBe(`terraform/payments ?dc=eu-1 ${TOKEN}`);
  });

  it('gunzips a state written with gzip = true', async () => {
    kvStore(terraformWrite('terraform/payments', state, { gzip: true }));
    expect(
      await readAll((await source().read('terraform/payments'))!.body),
    ).toBe(state);
  });

  it.each([true, false])(
    'reassembles a chunked state (gzip = %s) and checks its md5',
    async gzip => {
      const big = largeState();
      const entries = terraformWrite('terraform/payments', big, { gzip });
      expect(Object.keys(entries).length).toBeGreaterThan(2);
      const calls = kvStore(entries);
      const result = await source().read('terraform/payments');
      expect(result?.marker).toBe('321');
      expect(await readAll(result!.body)).toBe(big);
      expect(calls.slice(1)).toEqual(
        Object.keys(entries)
          .filter(k => k.includes('/tfstate.'))
          .map(k => `${k} ?raw&dc=eu-1 ${TOKEN}`),
      );
    },
  );

  it("maps <path>@<workspace> to Terraform's <path>-env:<workspace> key", async () => {
    kvStore({
      ...terraformWrite('terraform/payments-env:staging', sampleState(77), {
        gzip: true,
      }),
      ...terraformWrite('terraform/payments', state, { gzip: false }),
    });
    expect(
      await readAll((await source().read('terraform/payments@staging'))!.body),
    ).toBe(sampleState(77));
    expect(
      await readAll((await source().read('terraform/payments@default'))!.body),
    ).toBe(state);
  });

  it('reports a missing key as no state', async () => {
    kvStore({});
    await expect(source().marker('terraform/none')).resolves.toBeUndefined();
    await expect(source().read('terraform/none')).resolves.toBeUndefined();
  });

  it('fails when a chunk vanished or the reassembled state does not match current-hash', async () => {
    const entries = terraformWrite('terraform/payments', largeState(), {
      gzip: true,
    });
    const [firstChunk] = Object.keys(entries).filter(k =>
      k.includes('/tfstate.'),
    );
    kvStore({
      ...entries,
      [firstChunk]: { value: Buffer.alloc(0), modifyIndex: 1 },
    });
    await expect(source().read('terraform/payments')).rejects.toThrow(
      /does not match its current-hash/,
    );
    delete entries[firstChunk];
    kvStore(entries);
    await expect(source().read('terraform/payments')).rejects.toThrow(
      'Terraform state consul:terraform/payments changed while being read (a chunk is missing)',
    );
  });

  it('refuses chunk paths outside the state path', async () => {
    const md5 = createHash('md5').update(state).digest('hex');
    kvStore({
      'terraform/payments': {
        value: Buffer.from(
          JSON.stringify({ chunks: ['vault/secrets/db'], 'current-hash': md5 }),
        ),
        modifyIndex: 9,
      },
    });
    await expect(source().read('terraform/payments')).rejects.toThrow(
      /has a chunk outside its path/,
    );
  });

  it('turns an ACL refusal into a StateSourceError without the token', async () => {
    server.use(
      http.get(`${CONSUL}/v1/kv/*`, ({ request }) =>
        HttpResponse.text(
          `Permission denied: token ${request.headers.get('x-consul-token')}`,
          {
            status: 403,
          },
        ),
      ),
    );
    const error = await source()
      .read('terraform/payments')
      .catch(e => e);
    expect(error).toBeInstanceOf(StateSourceError);
    expect(error.message).toBe(
      'Terraform state consul:terraform/payments could not be read from Consul: HTTP 403 Forbidden',
    );
    expect(error.message).not.toContain(TOKEN);
  });

  it('defaults to http and accepts a full URL as address', async () => {
    server.use(
      http.get('http://127.0.0.1:8500/v1/kv/terraform/payments', () =>
        HttpResponse.json([
          {
            Key: 'terraform/payments',
            ModifyIndex: 4,
            Value: Buffer.from(state).toString('base64'),
          },
        ]),
      ),
    );
    const plain = ConsulKvStateSource.create({
      id: 'c',
      address: '127.0.0.1:8500',
    });
    await expect(plain.marker('terraform/payments')).resolves.toBe('4');
    const url = ConsulKvStateSource.create({
      id: 'c',
      address: 'http://127.0.0.1:8500/',
    });
    await expect(url.marker('terraform/payments')).resolves.toBe('4');
  });
});
