import { mockServices } from '@backstage/backend-test-utils';
import type {
  ConsulClient,
  ConsulReadOptions,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import type { FactsStore } from '../database/FactsStore';
import { ConsulIngester } from './ConsulIngester';

/** Answers in turn, then holds the request until the watch is stopped (a blocking query). */
function answers<T>(...steps: Array<T | Error>) {
  return (q: ConsulReadOptions): Promise<T> => {
    const step = steps.shift();
    if (step instanceof Error) return Promise.reject(step);
    if (step !== undefined) return Promise.resolve(step);
    return new Promise((_resolve, reject) =>
      q.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
    );
  };
}

describe('ConsulIngester', () => {
  it('clears a service’s recorded failure with its next good read, and records no list failure on it', async () => {
    const listServices = answers(
      { body: { backend: [] }, index: 1 },
      new Error('HTTP 503 from /v1/catalog/services'),
      new Error('HTTP 503 from /v1/catalog/services'),
    );
    // A quiet service: its index stays 5 before and after the failure.
    const health = answers(
      { body: [{ Service: { Service: 'backend' } }], index: 5 },
      new Error('HTTP 500 from /v1/health/service/backend'),
      { body: [{ Service: { Service: 'backend' } }], index: 5 },
    );
    const client = {
      listServices,
      healthService: (_name: string, q: ConsulReadOptions) => health(q),
      viewFrom: async (name: string, read: { index: number }) => ({
        name,
        index: read.index,
      }),
      close: () => {},
    } as unknown as ConsulClient;

    const calls: string[] = [];
    let recovered!: () => void;
    const done = new Promise<void>(resolve => (recovered = resolve));
    const store = {
      async saveConsulView(o: { serviceName: string; consulIndex?: number }) {
        calls.push(`view ${o.serviceName} @${o.consulIndex}`);
        if (calls.filter(c => c.startsWith('view')).length === 2) recovered();
      },
      async recordConsulError(serviceName: string, error: string) {
        calls.push(`error ${serviceName}: ${error}`);
      },
    } as unknown as FactsStore;

    const ingester = ConsulIngester.create({
      client,
      store,
      logger: mockServices.logger.mock(),
    });
    ingester.start();
    await done;
    await ingester.stop();

    expect(calls).toEqual([
      'view backend @5',
      'error backend: HTTP 500 from /v1/health/service/backend',
      // The same index as before the failure, handed on so the error goes.
      'view backend @5',
    ]);
  });
});
