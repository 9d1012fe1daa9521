import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  readBindingRules,
  StateBindingPolicy,
  StateSource,
  TerraformStateReader,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import { Readable } from 'node:stream';
import { DatabaseFactsStore } from '../database/DatabaseFactsStore';
import { FactsService } from '../services/FactsService';
import { CatalogScanner } from './CatalogScanner';
import { StateIngester } from './StateIngester';

jest.setTimeout(60_000);

// SQLite always; PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set.
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const OWN = 'payment-processing/terraform.tfstate';
const OTHER = 'music-discovery/terraform.tfstate';

function stateJson(bucket: string, serial: number) {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.9.8',
    serial,
    lineage: '5f0c7b1e-1111-2222-3333-444455556666',
    outputs: {},
    resources: [
      {
        mode: 'managed',
        type: 'aws_s3_bucket',
        name: 'main',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ attributes: { bucket, arn: `arn:aws:s3:::${bucket}` } }],
      },
    ],
  });
}

/** A source whose every call is recorded, so a test can show a key was never asked for. */
function recordingSource() {
  const states = new Map<string, { serial: number; bucket: string }>([
    [OWN, { serial: 1, bucket: 'payments-ledger' }],
    [OTHER, { serial: 1, bucket: 'discovery-index' }],
  ]);
  const source: StateSource = {
    id: 'demo',
    type: 'local',
    marker: jest.fn(async (key: string) => {
      const s = states.get(key);
      return s && String(s.serial);
    }),
    read: jest.fn(async (key: string) => {
      const s = states.get(key);
      return (
        s && {
          marker: String(s.serial),
          body: Readable.from([Buffer.from(stateJson(s.bucket, s.serial))]),
        }
      );
    }),
  };
  const askedFor = () => [
    ...(source.marker as jest.Mock).mock.calls.map(c => c[0]),
    ...(source.read as jest.Mock).mock.calls.map(c => c[0]),
  ];
  return { source, states, askedFor, reset: () => jest.clearAllMocks() };
}

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payment-processing',
    namespace: 'default',
    annotations: {
      'squad-insights.io/terraform-state': `demo:${OWN},demo:${OTHER}`,
    },
  },
  spec: { type: 'service', owner: 'group:default/payments-squad' },
};
const ENTITY_REF = 'component:default/payment-processing';

describe.each(databases.eachSupportedId())(
  'binding rules in ingestion on %s',
  databaseId => {
    async function setUp(bindings: unknown) {
      const knex = await databases.init(databaseId);
      const store = await DatabaseFactsStore.create({
        database: { getClient: async () => knex },
      });
      const recording = recordingSource();
      const reader = TerraformStateReader.create({
        sources: new Map([['demo', recording.source]]),
      });
      const policy = (raw: unknown) =>
        StateBindingPolicy.create({
          sources: new Map([
            [
              'demo',
              readBindingRules(
                raw,
                'squadInsights.terraform.sources[0].bindings',
              ),
            ],
          ]),
        });
      const catalog = catalogServiceMock({ entities: [entity] });
      const auth = mockServices.auth();
      const logger = mockServices.logger.mock();
      const ingester = StateIngester.create({ reader, store, logger });
      const pass = async (raw: unknown) => {
        const scanner = CatalogScanner.create({
          catalog,
          auth,
          reader,
          store,
          bindings: policy(raw),
        });
        return ingester.ingest(await scanner.scan());
      };
      const facts = async (raw: unknown) =>
        FactsService.create({
          catalog,
          reader,
          store,
          ingester,
          staleAfterSeconds: 900,
          bindings: policy(raw),
          // Not used by getEntityFacts; the list of services is another part's concern.
          visibility: {} as any,
        }).getEntityFacts(
          {
            kind: 'component',
            namespace: 'default',
            name: 'payment-processing',
          },
          { credentials: await auth.getOwnServiceCredentials() },
        );
      await pass(bindings);
      return { store, recording, pass, facts };
    }

    it('never asks the source for a refused key, and reports it as a problem of the entity', async () => {
      const templates = { templates: ['{name}/terraform.tfstate'] };
      const { store, recording, pass, facts } = await setUp(templates);
      expect(recording.askedFor()).toEqual([OWN]);
      await pass(templates);
      expect(recording.askedFor()).not.toContain(OTHER);
      expect(await store.getEntityStates(ENTITY_REF)).toEqual([`demo:${OWN}`]);
      expect(await store.getStateSnapshots([`demo:${OTHER}`])).toEqual([]);

      const result = await facts(templates);
      expect(
        result.states.map(s => [
          s.reference,
          s.freshness.stale,
          s.inventory.resources.length,
        ]),
      ).toEqual([
        [`demo:${OWN}`, false, 1],
        [`demo:${OTHER}`, true, 0],
      ]);
      expect(result.problems).toEqual([
        expect.stringContaining(
          `Binding refused: squad-insights.io/terraform-state "demo:${OTHER}": Key "${OTHER}" of Terraform state source "demo" may not be bound by ${ENTITY_REF}`,
        ),
      ]);
      expect(result.bindings.map(b => [b.value, b.allowed])).toEqual([
        [`demo:${OWN}`, true],
        [`demo:${OTHER}`, false],
      ]);
    });

    it('stops reading a key the operator denies after it was bound, keeping its history, shown stale', async () => {
      const { store, recording, pass, facts } = await setUp('any');
      expect(recording.askedFor().sort()).toEqual([OTHER, OWN].sort());
      expect(await store.getStateHistory(`demo:${OTHER}`)).toHaveLength(1);

      // The operator narrows the rules; the state changes meanwhile.
      const narrowed = { templates: ['{name}/terraform.tfstate'] };
      recording.reset();
      recording.states.get(OTHER)!.serial = 2;
      await pass(narrowed);
      expect(recording.askedFor()).toEqual([OWN]);
      expect(await store.getEntityStates(ENTITY_REF)).toEqual([`demo:${OWN}`]);

      // History and the last inventory stay in storage; nothing was deleted.
      expect(await store.getStateHistory(`demo:${OTHER}`)).toHaveLength(1);
      const [kept] = await store.getStateSnapshots([`demo:${OTHER}`]);
      expect(kept.serial).toBe(1);

      // The entity sees it stale with the refusal, without its content.
      const result = await facts(narrowed);
      const other = result.states.find(s => s.reference === `demo:${OTHER}`)!;
      expect(other.freshness).toEqual({
        stale: true,
        lastError: expect.stringMatching(/^Binding refused/),
      });
      expect(other.inventory.resources).toEqual([]);
      expect(JSON.stringify(result)).not.toContain('discovery-index');

      // Allowed again: it is read again, on top of the history.
      await pass('any');
      expect(await store.getStateHistory(`demo:${OTHER}`)).toHaveLength(2);
    });
  },
);
