import { ConfigReader } from '@backstage/config';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { parseStateReference } from '../terraform/stateReference';
import type { BindingEntity } from './decideBinding';
import { StateBindingPolicy } from './StateBindingPolicy';

// The demo's rules against the demo's catalog and Consul data: the portal started by
// scripts/start.sh must still read every service's own state, and show exactly the refusal the
// demo means to show.
const repoRoot = resolve(__dirname, '../../../..');
const read = (path: string) => readFileSync(resolve(repoRoot, path), 'utf8');

type DemoEntity = BindingEntity & {
  metadata: { annotations?: Record<string, string> };
};

const services = parseAllDocuments(read('demo/catalog/services.yaml'))
  .map(d => d.toJS() as DemoEntity)
  .filter(e => e?.kind === 'Component');
const consul = JSON.parse(read('demo/consul/data/services.json')) as {
  services: Array<{ name: string; meta: Record<string, string> }>;
};

describe.each(['app-config.yaml', 'app-config.production.yaml'])(
  'the bindings of %s',
  file => {
    const config = ConfigReader.fromConfigs([
      { context: 'app-config.yaml', data: parse(read('app-config.yaml')) },
      // Only the bindings matter here; the production file's ${VARS} are not substituted.
      {
        context: file,
        data: file === 'app-config.yaml' ? {} : parse(read(file)),
      },
    ]);
    const policy = StateBindingPolicy.fromConfig(config);

    it('let every demo service bind its own state', () => {
      expect(services.length).toBeGreaterThanOrEqual(10);
      for (const entity of services) {
        for (const value of entity.metadata.annotations![
          'squad-insights.io/terraform-state'
        ].split(',')) {
          const reference = parseStateReference(value, { sourceIds: ['demo'] });
          expect([
            entity.metadata.name,
            policy.decideState(entity, reference),
          ]).toEqual([
            entity.metadata.name,
            expect.objectContaining({ allowed: true }),
          ]);
        }
      }
    });

    it("refuse a service another service's state", () => {
      const [payments] = services.filter(
        e => e.metadata.name === 'payment-processing',
      );
      const reference = parseStateReference(
        'demo:music-discovery/terraform.tfstate',
        { sourceIds: ['demo'] },
      );
      expect(policy.decideState(payments, reference).allowed).toBe(false);
    });

    it('refuse only the Consul view whose meta names another squad (recommendation-engine)', () => {
      const refused = services
        .filter(entity => {
          const name =
            entity.metadata.annotations!['squad-insights.io/consul-service'] ??
            entity.metadata.name;
          const registered = consul.services.find(s => s.name === name);
          return !policy.decideConsul(entity, name, {
            owner: { ref: String(entity.spec!.owner) },
            meta: registered?.meta,
            registered: Boolean(registered),
          }).allowed;
        })
        .map(e => e.metadata.name);
      expect(refused).toEqual(['recommendation-engine']);
    });
  },
);
