import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  squadInsightsStateSourcesExtensionPoint,
  StateSource,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { squadInsightsPlugin } from './plugin';

jest.setTimeout(60_000);

const demo = resolve(__dirname, '../../../demo/terraform');

/** A state source type of a module's own: files under `directory`, markers from their size. */
function fileStateSource(id: string, directory: string, reads: string[]) {
  const path = (key: string) => join(directory, key);
  const marker = (key: string) =>
    existsSync(path(key)) ? `size-${statSync(path(key)).size}` : undefined;
  const source: StateSource = {
    id,
    type: 'module-files',
    marker: async key => marker(key),
    read: async key => {
      reads.push(key);
      const found = marker(key);
      return found
        ? { marker: found, body: createReadStream(path(key)) }
        : undefined;
    },
  };
  return source;
}

const service = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payment-processing',
    namespace: 'default',
    annotations: {
      'squad-insights.io/terraform-state':
        'files:payment-processing/terraform.tfstate',
    },
  },
  spec: { type: 'service', owner: 'group:default/payments-squad' },
};

const later = {
  frequency: { hours: 24 },
  timeout: { minutes: 5 },
  initialDelay: { hours: 1 },
};

function start(module: ReturnType<typeof createBackendModule>) {
  return startTestBackend({
    features: [
      squadInsightsPlugin,
      module,
      catalogServiceMock.factory({ entities: [service] }),
      mockServices.rootConfig.factory({
        data: {
          squadInsights: {
            terraform: {
              sources: [
                {
                  id: 'files',
                  type: 'module-files',
                  // The module's own field, read by its factory.
                  directory: demo,
                  bindings: { templates: ['{name}/terraform.tfstate'] },
                },
              ],
            },
            facts: { schedule: later },
            compliance: { portfolioSchedule: later },
            sustainability: { snapshotSchedule: later },
          },
        },
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
}

describe('state sources added by a backend module', () => {
  it('reads the state of an entity bound to a source of the module’s type, end to end', async () => {
    const reads: string[] = [];
    const created: Array<{ id: string; directory: string }> = [];
    const module = createBackendModule({
      pluginId: 'squad-insights',
      moduleId: 'module-files-state',
      register(env) {
        env.registerInit({
          deps: { sources: squadInsightsStateSourcesExtensionPoint },
          async init({ sources }) {
            sources.addStateSourceFactory({
              type: 'module-files',
              create(config) {
                const id = config.getString('id');
                const directory = config.getString('directory');
                created.push({ id, directory });
                return fileStateSource(id, directory, reads);
              },
            });
          },
        });
      },
    });
    const { server } = await start(module);
    expect(created).toEqual([{ id: 'files', directory: demo }]);

    const base =
      '/api/squad-insights/entities/default/component/payment-processing';
    await request(server).post(`${base}/refresh`).expect(200);
    expect(reads).toEqual(['payment-processing/terraform.tfstate']);

    const facts = await request(server).get(`${base}/facts`).expect(200);
    expect(facts.body.problems ?? []).toEqual([]);
    const [state] = facts.body.states;
    expect(state.reference).toBe('files:payment-processing/terraform.tfstate');
    expect(state.freshness.stale).toBe(false);
    expect(state.inventory.status).toBe('ok');
    expect(state.inventory.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'aws_subnets', name: 'private' }),
      ]),
    );
  });

  it('refuses at startup a module registering a type that is already built in', async () => {
    const module = createBackendModule({
      pluginId: 'squad-insights',
      moduleId: 'second-s3',
      register(env) {
        env.registerInit({
          deps: { sources: squadInsightsStateSourcesExtensionPoint },
          async init({ sources }) {
            sources.addStateSourceFactory({
              type: 's3',
              create: () => {
                throw new Error('never built');
              },
            });
          },
        });
      },
    });
    await expect(start(module)).rejects.toThrow(
      /Terraform state source type "s3" is registered twice/,
    );
  });
});
