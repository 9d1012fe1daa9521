import assert from 'node:assert/strict';
import { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createService } from './server.js';

describe('${{ values.name }} probes', () => {
  let ready = false;
  const server = createService({
    info: { name: '${{ values.name }}', version: '1.2.3' },
    isReady: () => ready,
  });
  let base = '';

  before(async () => {
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>(resolve => server.close(() => resolve())));

  it('reports health with the service name and version', async () => {
    const res = await fetch(`${base}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      status: 'ok',
      service: '${{ values.name }}',
      version: '1.2.3',
    });
  });

  it('is not ready until told so, then ready', async () => {
    ready = false;
    assert.equal((await fetch(`${base}/ready`)).status, 503);
    ready = true;
    const res = await fetch(`${base}/ready`);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).status, 'ready');
  });

  it('answers unknown paths with 404 and other methods with 405', async () => {
    assert.equal((await fetch(`${base}/nope`)).status, 404);
    const post = await fetch(`${base}/health`, { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });
});
