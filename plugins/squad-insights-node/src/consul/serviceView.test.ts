import type { ConsulHealthServiceEntry } from './consulApi';
import {
  buildServiceView,
  connectOf,
  intentionSources,
  mergeMeta,
  toInstance,
  worst,
} from './serviceView';
import { describeCorpus } from '../__testUtils__/corpus';
import { corpus, recorded } from './__testUtils__/corpus';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describeCorpus('service view from recorded Consul responses', () => {
  it('maps a /v1/health/service entry to an instance', () => {
    const [entry] = corpus<ConsulHealthServiceEntry[]>(recorded.healthService);
    const instance = toInstance(entry);
    expect(instance).toEqual({
      node: entry.Node.Node,
      address: entry.Service.Address,
      port: entry.Service.Port,
      serviceId: entry.Service.ID,
      tags: entry.Service.Tags,
      meta: entry.Service.Meta,
      health: 'passing',
      checks: entry.Checks!.map(c =>
        expect.objectContaining({
          checkId: c.CheckID,
          name: c.Name,
          status: c.Status,
        }),
      ),
    });
  });

  it('falls back to the node address and empty meta (recorded dev-agent response)', () => {
    const entries = corpus<ConsulHealthServiceEntry[]>(
      recorded.healthServiceUi,
    );
    const view = buildServiceView({
      name: 'backend',
      health: entries,
      index: 21,
      connect: { sidecar: false, native: false },
      intentions: { sources: [] },
    });
    expect(view.instances.map(i => i.address)).toEqual(
      entries.map(e => e.Node.Address),
    );
    expect(view.instances.map(i => i.meta)).toEqual([{}, {}]);
    expect(view.datacenter).toBe(entries[0].Node.Datacenter);
    expect(view.healthCounts).toEqual({
      passing: entries.length,
      warning: 0,
      critical: 0,
    });
  });

  it('aggregates check states like Consul does (AggregatedStatus of the agent endpoint)', () => {
    const entries = corpus<any[]>(
      'hashicorp__consul/website__content__api-docs__agent__service.mdx__GET_v1_agent_health_service_name_web.json',
    );
    for (const e of entries) {
      const instance = toInstance({
        Node: { Node: 'server1', Address: '127.0.0.1' },
        Service: e.Service,
        Checks: e.Checks,
      });
      expect(instance.health).toBe(e.AggregatedStatus);
    }
    const critical = entries.find(e => e.AggregatedStatus === 'critical');
    const output = toInstance({
      Node: { Node: 'n', Address: '' },
      Service: critical.Service,
      Checks: critical.Checks,
    }).checks[0].output;
    expect(output).toBe(critical.Checks[0].Output);
  });

  it('takes the worst check per instance and the worst instance per service', () => {
    const [entry] = corpus<ConsulHealthServiceEntry[]>(recorded.healthService);
    const warning = clone(entry);
    warning.Checks![1].Status = 'warning'; // the node's serfHealth check counts too
    const critical = clone(entry);
    critical.Checks![0].Status = 'critical';
    critical.Checks![0].Output = `HTTP GET /health: 503 ${'x'.repeat(500)}\n\n`;
    const view = buildServiceView({
      name: 'redis',
      health: [entry, warning, critical],
      index: 3,
      connect: { sidecar: false, native: false },
      intentions: { sources: [] },
    });
    expect(view.instances.map(i => i.health)).toEqual([
      'passing',
      'warning',
      'critical',
    ]);
    expect(view.health).toBe('critical');
    expect(view.healthCounts).toEqual({ passing: 1, warning: 1, critical: 1 });
    expect(view.instances[2].checks[0].output.length).toBeLessThanOrEqual(200);
    expect(view.instances[2].checks[0].output.endsWith('…')).toBe(true);
    expect(worst([])).toBe('passing');
  });

  it('merges Service.Meta over instances and lists versions during a rollout', () => {
    const meta = (m: Record<string, string>) => ({
      ...toInstance(corpus(recorded.healthService)[0]),
      meta: m,
    });
    const merged = mergeMeta([
      meta({
        team: 'payments-squad',
        compliance: 'GDPR, PCI_DSS',
        'data-classification': 'financial',
        version: '2.1.0',
      }),
      meta({ team: 'other', version: '2.2.0' }),
    ]);
    expect(merged).toMatchObject({
      team: 'payments-squad',
      compliance: ['GDPR', 'PCI_DSS'],
      dataClassification: 'financial',
      version: undefined,
      versions: ['2.1.0', '2.2.0'],
    });
  });

  it('finds sidecars in /v1/catalog/connect and in agent services (current and pre-1.3 shapes)', () => {
    const catalog = corpus(recorded.catalogConnect);
    const destination = catalog[0].ServiceProxy.DestinationServiceName;
    expect(connectOf(destination, { catalog })).toEqual({
      sidecar: true,
      native: false,
    });
    expect(connectOf('db', { catalog })).toEqual({
      sidecar: false,
      native: false,
    });

    const legacy = corpus(recorded.agentServicesLegacy);
    const proxied = Object.values<any>(legacy).find(
      s => s.Kind === 'connect-proxy',
    ).ProxyDestination;
    expect(connectOf(proxied, { agent: legacy }).sidecar).toBe(true);
    const plain = corpus(recorded.agentServices);
    expect(connectOf(Object.keys(plain)[0], { agent: plain }).sidecar).toBe(
      false,
    );

    const [entry] = corpus<ConsulHealthServiceEntry[]>(recorded.healthService);
    const native = clone(entry);
    native.Service.Connect = { Native: true };
    expect(connectOf(entry.Service.Service, { health: [native] }).native).toBe(
      true,
    );
  });

  it('lists intention sources in evaluation order, first match per source', () => {
    const match = corpus(recorded.intentionsMatch);
    const [destination] = Object.keys(match);
    expect(intentionSources(match[destination])).toEqual(
      match[destination].map((i: any) => ({
        name: i.SourceName,
        action: i.Action,
      })),
    );
    // web → db deny precedes web → * allow: the deny is what applies to web.
    const bySource = corpus(recorded.intentionsMatchBySource);
    const [first] = bySource.web;
    expect(intentionSources(bySource.web)).toEqual([
      { name: 'web', action: first.Action },
    ]);
    expect(
      intentionSources([
        { SourceName: 'api', DestinationName: 'db', Permissions: [{}] },
      ]),
    ).toEqual([{ name: 'api', action: 'deny' }]);
  });
});

describe('secrets in Consul answers', () => {
  it('drops secret meta and withholds a check output holding a credential', () => {
    const instance = toInstance({
      Node: { Node: 'n1', Address: '10.0.0.1' },
      Service: {
        ID: 'svc-1',
        Service: 'svc',
        Address: '10.0.0.2',
        Port: 80,
        Tags: [],
        Meta: {
          squad: 'payments-squad',
          db_password: 'CANARY-meta-1',
          dsn: 'postgres://u:CANARY-meta-2@db/x',
        },
      },
      Checks: [
        {
          CheckID: 'c1',
          Name: 'http',
          Status: 'passing',
          Output: 'HTTP 200: {"token":"CANARY-out-1"}',
        },
        {
          CheckID: 'c2',
          Name: 'tcp',
          Status: 'passing',
          Output: 'TCP connect 10.0.0.2:80: Success',
        },
      ],
    } as any);
    const text = JSON.stringify(instance);
    expect(text).not.toContain('CANARY');
    expect(instance.meta).toEqual({ squad: 'payments-squad' });
    expect(instance.checks[1].output).toBe('TCP connect 10.0.0.2:80: Success');
  });
});
