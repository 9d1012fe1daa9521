import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createStateSources,
  TerraformStateReader,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseFactsStore } from '../database/DatabaseFactsStore';
import type { FactsStore } from '../database/FactsStore';
import { CatalogScanner } from './CatalogScanner';
import { StateIngester } from './StateIngester';

jest.setTimeout(60_000);

// SQLite always; PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set.
// PostgreSQL is the one that matters here: it refuses a value longer than a varchar column,
// where SQLite would store it.
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const state = (bucket: string) =>
  JSON.stringify({
    version: 4,
    serial: 1,
    lineage: 'l',
    outputs: {},
    resources: [
      {
        mode: 'managed',
        type: 'aws_s3_bucket',
        name: 'b',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: 0, attributes: { bucket } }],
      },
    ],
  });

const service = (name: string, annotation: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'squad-insights.io/terraform-state': annotation },
  },
  spec: { type: 'service', owner: 'group:default/payments-squad' },
});

// Well-formed but 600 characters long: only the storage limit can refuse it.
const LONG_KEY = `${'a'.repeat(200)}/${'b'.repeat(200)}/${'c'.repeat(
  180,
)}.tfstate`;

describe.each(databases.eachSupportedId())(
  'ingestion isolation on %s',
  databaseId => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'si-isolation-'));
      for (const name of ['alpha', 'beta', 'gamma']) {
        mkdirSync(join(root, name));
        writeFileSync(
          join(root, name, 'terraform.tfstate'),
          state(`${name}-logs`),
        );
      }
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    async function setUp(wrap: (store: FactsStore) => FactsStore = s => s) {
      const knex = await databases.init(databaseId);
      const store = wrap(
        await DatabaseFactsStore.create({
          database: { getClient: async () => knex },
        }),
      );
      const config = new ConfigReader({
        squadInsights: {
          terraform: { sources: [{ id: 'demo', type: 'local', root }] },
        },
      });
      const reader = TerraformStateReader.create({
        sources: createStateSources(config),
      });
      const logger = mockServices.logger.mock();
      const scanner = CatalogScanner.create({
        catalog: catalogServiceMock({
          entities: [
            service('alpha', 'demo:alpha/terraform.tfstate'),
            service('long', `demo:${LONG_KEY}`),
            service('beta', 'demo:beta/terraform.tfstate'),
            service('gamma', 'demo:gamma/terraform.tfstate'),
          ],
        }),
        auth: mockServices.auth(),
        reader,
        store,
        bindings: { decideState: () => ({ allowed: true }) } as any,
        logger,
      });
      const ingester = StateIngester.create({ reader, store, logger });
      return { store, scanner, ingester, logger };
    }

    const buckets = async (store: FactsStore, reference: string) => {
      const [snapshot] = await store.getStateSnapshots([reference]);
      return snapshot?.inventory.resources.flatMap(r =>
        r.instances.map(i => i.attributes.bucket),
      );
    };

    it('ingests the others when one entity names a reference longer than storage holds', async () => {
      expect(`demo:${LONG_KEY}`.length).toBeGreaterThan(512);
      const { store, scanner, ingester } = await setUp();
      const references = await scanner.scan();
      expect(references.sort()).toEqual([
        'demo:alpha/terraform.tfstate',
        'demo:beta/terraform.tfstate',
        'demo:gamma/terraform.tfstate',
      ]);
      await expect(ingester.ingest(references)).resolves.toEqual({
        read: 3,
        unchanged: 0,
        failed: 0,
      });
      expect(await store.getEntityStates('component:default/long')).toEqual([]);
      expect(await store.getEntityStates('component:default/beta')).toEqual([
        'demo:beta/terraform.tfstate',
      ]);
      for (const name of ['alpha', 'beta', 'gamma']) {
        expect(await buckets(store, `demo:${name}/terraform.tfstate`)).toEqual([
          `${name}-logs`,
        ]);
      }
    });

    it('goes on with the pass when storing one entity or one state fails', async () => {
      const { store, scanner, ingester, logger } = await setUp(inner => ({
        ...bind(inner),
        async setEntityStates(entityRef, references) {
          if (entityRef === 'component:default/alpha')
            throw new Error('disk full for alpha');
          return inner.setEntityStates(entityRef, references);
        },
        startStateRead(reference) {
          if (reference.startsWith('demo:beta/'))
            throw new Error('cannot store beta');
          return inner.startStateRead(reference);
        },
        async recordStateError(reference, error, at) {
          if (reference.startsWith('demo:beta/'))
            throw new Error('cannot record beta');
          return inner.recordStateError(reference, error, at);
        },
      }));
      const references = await scanner.scan();
      expect(references.sort()).toEqual([
        'demo:beta/terraform.tfstate',
        'demo:gamma/terraform.tfstate',
      ]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('component:default/alpha'),
      );
      await expect(ingester.ingest(references)).resolves.toEqual({
        read: 1,
        unchanged: 0,
        failed: 1,
      });
      expect(await buckets(store, 'demo:gamma/terraform.tfstate')).toEqual([
        'gamma-logs',
      ]);
    });
  },
);

/** Every method of a store, bound, so a test can override some of them. */
function bind(store: FactsStore): FactsStore {
  const proto = Object.getPrototypeOf(store);
  return Object.fromEntries(
    Object.getOwnPropertyNames(proto)
      .filter(
        name => name !== 'constructor' && typeof proto[name] === 'function',
      )
      .map(name => [name, proto[name].bind(store)]),
  ) as unknown as FactsStore;
}
