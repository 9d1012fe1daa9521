import {
  coreServices,
  createServiceFactory,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { squadInsightsPlugin } from './plugin';

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
        createServiceFactory({ service: coreServices.rootLogger, deps: {}, factory: () => logger }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'svc',
                namespace: 'default',
                annotations: { 'squad-insights.io/terraform-state': 'demo:svc/terraform.tfstate' },
              },
              spec: { type: 'service', owner: 'group:default/team' },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            squadInsights: {
              terraform: { sources: [{ id: 'demo', type: 'local', root }] },
              facts: { schedule: { frequency: { hours: 24 }, timeout: { minutes: 5 }, initialDelay: { hours: 1 } } },
            },
          },
        }),
      ],
    });
    const refresh = '/api/squad-insights/entities/default/component/svc/refresh';
    await request(server).post(refresh).expect(200);

    // Truncated right after the secret: the parse error must not quote the content.
    writeFileSync(join(root, 'svc/terraform.tfstate'), state('').slice(0, -40));
    const res = await request(server).post(refresh).expect(200);
    expect(res.body.states[0].freshness.lastError).toBeDefined();

    // The capture works: the failure was logged, naming the state.
    expect(lines.some(l => l.includes('demo:svc/terraform.tfstate'))).toBe(true);
    expect(lines.filter(l => l.includes(CANARY))).toEqual([]);
  });
});
