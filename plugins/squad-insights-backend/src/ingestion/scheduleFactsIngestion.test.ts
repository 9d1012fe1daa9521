import { DefaultSchedulerService } from '@backstage/backend-defaults/scheduler';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import type { Knex } from 'knex';
import { scheduleFactsIngestion } from './scheduleFactsIngestion';
import type { CatalogScanner } from './CatalogScanner';
import type { StateIngester } from './StateIngester';

jest.setTimeout(60_000);

// Two backend instances share one PostgreSQL: the deployment. Only PostgreSQL can be
// shared between two scheduler instances here (each SQLite test database is private to its
// knex), so the test runs when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set,
// as the README's test command does.
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

/** One backend instance: its own scheduler over the shared database, its own task code. */
function startInstance(knex: Knex, passes: string[], name: string) {
  const scheduler = DefaultSchedulerService.create({
    database: { getClient: async () => knex },
    logger: mockServices.logger.mock(),
    metrics: metricsServiceMock.mock({
      createCounter: () => ({ add: () => {} }),
      createHistogram: () => ({ record: () => {} }),
      createGauge: () => ({ record: () => {} }),
    } as any),
    rootLifecycle: mockServices.rootLifecycle.mock(),
    httpRouter: mockServices.httpRouter.mock(),
    pluginMetadata: { getId: () => 'squad-insights' },
  });
  const scanner = {
    scan: async () => {
      passes.push(name);
      return [];
    },
  } as unknown as CatalogScanner;
  const ingester = {
    ingest: async () => ({ read: 0, unchanged: 0, failed: 0 }),
  } as unknown as StateIngester;
  return { scheduler, scanner, ingester };
}

/** Polls for a condition (an event), up to a generous deadline that only a bug reaches. */
const waitFor = async (
  condition: () => boolean | Promise<boolean>,
  ms: number,
) => {
  const until = Date.now() + ms;
  while (!(await condition()) && Date.now() < until) {
    await new Promise(resolve => setTimeout(resolve, 100));
  }
};

describe.each(databases.eachSupportedId())(
  'scheduleFactsIngestion on %s',
  databaseId => {
    it('runs a pass once when two backend instances share the database', async () => {
      const knex = await databases.init(databaseId);
      const passes: string[] = [];
      const config = mockServices.rootConfig({
        // Due at once when registered, then not again during the test.
        data: {
          squadInsights: {
            facts: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
            },
          },
        },
      });
      const instances = [
        startInstance(knex, passes, 'a'),
        startInstance(knex, passes, 'b'),
      ];
      const abort = new AbortController();
      for (const { scheduler, scanner, ingester } of instances) {
        await scheduleFactsIngestion({
          config,
          logger: mockServices.logger.mock(),
          scheduler,
          scanner,
          ingester,
          signal: abort.signal,
        });
      }

      // Both instances register the task and both find it due. A locally scoped task would run
      // on each instance at once (two passes, and no row in the shared database); the global
      // task's row admits one pass and then holds the next one an interval away for every worker.
      // Waits for events (the pass, the row), never for a stretch of time.
      const row = () =>
        knex('backstage_backend_tasks__tasks')
          .where({ id: 'squad-insights-facts-ingestion' })
          .first();
      await waitFor(
        async () => passes.length > 0 && !!(await row())?.last_run_ended_at,
        30_000,
      );
      abort.abort();
      const task = await row();
      expect(passes).toHaveLength(1);
      expect(new Date(task.next_run_start_at).getTime()).toBeGreaterThan(
        Date.now() + 59 * 60_000,
      );
      expect(task.current_run_ticket).toBeNull();
    });

    it('passes again soon while the catalog has nothing to read yet, then keeps its schedule', async () => {
      const knex = await databases.init(databaseId);
      const config = mockServices.rootConfig({
        data: {
          squadInsights: {
            facts: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
            },
          },
        },
      });
      const { scheduler } = startInstance(knex, [], 'a');
      // The catalog is still processing its locations on the first two scans.
      const answers = [[], [], ['demo:payment-processing/terraform.tfstate']];
      const scans: string[][] = [];
      const scanner = {
        scan: async () => {
          const next = answers[Math.min(scans.length, answers.length - 1)];
          scans.push(next);
          return next;
        },
      } as unknown as CatalogScanner;
      const ingested: string[][] = [];
      const retriesAsked: number[] = [];
      const ingester = {
        ingest: async (refs: string[]) => {
          ingested.push(refs);
          return { read: refs.length, unchanged: 0, failed: 0 };
        },
      } as unknown as StateIngester;
      const abort = new AbortController();
      await scheduleFactsIngestion({
        config,
        logger: mockServices.logger.mock(),
        scheduler,
        scanner,
        ingester,
        signal: abort.signal,
        warmUp: {
          retryMs: 100,
          retries: 5,
          setTimer: (fn, ms) => {
            retriesAsked.push(scans.length);
            return setTimeout(fn, ms);
          },
        },
      });
      await waitFor(() => ingested.some(r => r.length > 0), 30_000);
      abort.abort();
      expect(ingested.find(r => r.length > 0)).toEqual([
        'demo:payment-processing/terraform.tfstate',
      ]);
      expect(scans).toHaveLength(3);
      // A retry is asked for in the pass that found nothing, never after one that read something:
      // once something was read, the hourly schedule takes over.
      expect(retriesAsked).toEqual([1, 2]);
    });
  },
);
