import {
  coreServices,
  createServiceFactory,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
// The one canary state, shared with the parser's own tests rather than copied (test-only).
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import {
  expectNoCanary,
  secretState,
} from '@squad-insights/backstage-plugin-squad-insights-node/src/terraform/parse/__testUtils__/secretState';
import type { Knex } from 'knex';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { squadInsightsPlugin } from './plugin';
import { quietLocalSource } from './__testUtils__/testConfig';

jest.setTimeout(60_000);

const CANARY = 'CANARY-log-secret-91c2e';

// Every line any plugin logs, with its metadata, as one string each.
const lines: string[] = [];
const logger: RootLoggerService = {
  error: (m, meta) => void lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
  warn: (m, meta) => void lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
  info: (m, meta) => void lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
  debug: (m, meta) => void lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
  child: () => logger,
};

const state = (tail: string) =>
  `{"version": 4, "serial": 3, "lineage": "x", "outputs": {"token": {"value": "${CANARY}", "sensitive": true, "type": "string"}},
   "resources": [{"mode": "managed", "type": "aws_db_instance", "name": "main",
     "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
     "instances": [{"attributes": {"id": "db", "password": "${CANARY}"},
       "sensitive_attributes": [[{"type": "get_attr", "value": "password"}]]}]}]${tail}`;

describe('no secret from a state reaches a log line', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'si-logs-'));
    mkdirSync(join(root, 'svc'));
    lines.length = 0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('neither on a good read nor when the state breaks mid-secret', async () => {
    writeFileSync(join(root, 'svc/terraform.tfstate'), state('}'));
    const { server } = await startTestBackend({
      features: [
        squadInsightsPlugin,
        createServiceFactory({
          service: coreServices.rootLogger,
          deps: {},
          factory: () => logger,
        }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'svc',
                namespace: 'default',
                annotations: {
                  'squad-insights.io/terraform-state':
                    'demo:svc/terraform.tfstate',
                },
              },
              spec: { type: 'service', owner: 'group:default/team' },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            squadInsights: {
              ...quietLocalSource(root),
            },
          },
        }),
      ],
    });
    const refresh =
      '/api/squad-insights/entities/default/component/svc/refresh';
    await request(server).post(refresh).expect(200);

    // Truncated right after the secret: the parse error must not quote the content.
    writeFileSync(join(root, 'svc/terraform.tfstate'), state('').slice(0, -40));
    const res = await request(server).post(refresh).expect(200);
    expect(res.body.states[0].freshness.lastError).toBeDefined();

    // The capture works: the failure was logged, naming the state.
    expect(lines.some(l => l.includes('demo:svc/terraform.tfstate'))).toBe(
      true,
    );
    expect(lines.filter(l => l.includes(CANARY))).toEqual([]);
  });
});

/** Every row of every table the plugin created, as text. */
async function dumpTables(knex: Knex): Promise<string> {
  const client = knex.client.config.client as string;
  const names: string[] = /sqlite/.test(client)
    ? (await knex('sqlite_master').where({ type: 'table' }).select('name')).map(
        r => r.name,
      )
    : (
        await knex('pg_tables')
          .where({ schemaname: knex.raw('current_schema()') })
          .select('tablename')
      ).map(r => r.tablename);
  const parts: string[] = [];
  for (const name of names)
    parts.push(name, JSON.stringify(await knex(name).select()));
  return parts.join('\n');
}

describe('no secret from a state reaches the database, the API, evidence or snapshots', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'si-canary-'));
    mkdirSync(join(root, 'svc'));
    lines.length = 0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each(databases.eachSupportedId())('on %p', async databaseId => {
    const knex = await databases.init(databaseId);
    // Secrets by name, by Terraform's marks, by provider schema and by value (issue 13).
    writeFileSync(
      join(root, 'svc/terraform.tfstate'),
      JSON.stringify(secretState()),
    );
    const { server } = await startTestBackend({
      features: [
        squadInsightsPlugin,
        mockServices.database.factory({ knex }),
        createServiceFactory({
          service: coreServices.rootLogger,
          deps: {},
          factory: () => logger,
        }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'svc',
                namespace: 'default',
                annotations: {
                  'squad-insights.io/terraform-state':
                    'demo:svc/terraform.tfstate',
                  'squad-insights.io/compliance-requirements': 'GDPR,PCI_DSS',
                  'squad-insights.io/data-classification': 'financial',
                },
              },
              spec: { type: 'service', owner: 'group:default/team' },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            squadInsights: {
              ...quietLocalSource(root),
            },
          },
        }),
      ],
    });
    const base = '/api/squad-insights/entities/default/component/svc';
    const answers: string[] = [];
    const refreshed = await request(server).post(`${base}/refresh`).expect(200);
    answers.push(JSON.stringify(refreshed.body));
    const facts = await request(server).get(`${base}/facts`).expect(200);
    expect(facts.body.states[0].inventory.resources.length).toBeGreaterThan(10);
    answers.push(JSON.stringify(facts.body));
    const compliance = await request(server)
      .get(`${base}/compliance`)
      .expect(200);
    expect(compliance.body.checks.some((c: any) => c.evidence?.length)).toBe(
      true,
    );
    answers.push(JSON.stringify(compliance.body));
    const review = await request(server)
      .post(`${base}/reviews`)
      .send({ decision: 'changes_requested', comment: 'canary run' });
    // The snapshot holds the verdicts and their evidence as judged.
    expect(review.body.snapshot).toBeDefined();
    answers.push(JSON.stringify(review.body));
    answers.push(
      JSON.stringify((await request(server).get(`${base}/reviews`)).body),
    );
    answers.push(
      JSON.stringify(
        (await request(server).get('/api/squad-insights/compliance/portfolio'))
          .body,
      ),
    );

    const stored = await dumpTables(knex);
    expect(stored).toContain('aws_ecs_task_definition');
    expectNoCanary([...answers, stored, ...lines].join('\n'));
  });
});
