import { createHash } from 'node:crypto';
import type {
  StandInCheck,
  StandInCluster,
  StandInInstance,
  StandInIntention,
  StandInService,
} from './model';

const uuid = (text: string) =>
  createHash('sha1')
    .update(text)
    .digest('hex')
    .slice(0, 32)
    .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');

// Field names and casing as in the recorded responses of /work/shared/corpus/consul
// (health: api-docs sample and consul-ui mock; catalog/connect: consul-ui mock).
function nodeOf(c: StandInCluster, i: StandInInstance, idx: number) {
  const lan = i.nodeAddress;
  return {
    ID: uuid(i.node),
    Node: i.node,
    Address: lan,
    Datacenter: c.datacenter,
    TaggedAddresses: { lan, lan_ipv4: lan, wan: lan, wan_ipv4: lan },
    Meta: { 'consul-network-segment': '' },
    CreateIndex: idx,
    ModifyIndex: idx,
  };
}

/** The instances of `s` as Consul services: the app itself, or its sidecars when `proxy`. */
function servicesOf(s: StandInService, proxy: boolean) {
  return s.instances.map((i, n) => {
    const port = proxy ? 21000 + n : i.port;
    const common = {
      Tags: proxy ? [] : s.tags,
      Address: i.address,
      TaggedAddresses: {
        lan: { address: i.address, port },
        wan: { address: i.address, port },
      },
      Meta: proxy ? {} : i.meta,
      Port: port,
      Weights: { Passing: 1, Warning: 1 },
      EnableTagOverride: false,
      Connect: {},
      CreateIndex: s.index,
      ModifyIndex: s.index,
    };
    const mode = { Mode: '', MeshGateway: {}, Expose: {} };
    if (!proxy) return { ID: i.id, Service: s.name, ...common, Proxy: mode };
    const target = {
      DestinationServiceName: s.name,
      DestinationServiceID: i.id,
    };
    const local = {
      LocalServiceAddress: '127.0.0.1',
      LocalServicePort: i.port,
    };
    return {
      Kind: 'connect-proxy',
      ID: `${i.id}-sidecar-proxy`,
      Service: `${s.name}-sidecar-proxy`,
      ...common,
      Proxy: { ...target, ...local, ...mode },
    };
  });
}

type ServiceRef = { ID: string; Service: string; Tags: string[] };

function checkOf(
  i: StandInInstance,
  svc: ServiceRef,
  c: StandInCheck,
  idx: number,
) {
  const http = svc.ID !== '';
  return {
    Node: i.node,
    CheckID: c.checkId,
    Name: c.name,
    Status: c.status,
    Notes: '',
    Output: c.output,
    ServiceID: svc.ID,
    ServiceName: svc.Service,
    ServiceTags: svc.Tags,
    Type: http ? 'http' : '',
    Interval: http ? '10s' : '',
    Timeout: http ? '5s' : '',
    ExposedPort: 0,
    Definition: {},
    CreateIndex: idx,
    ModifyIndex: idx,
  };
}

const SERF: StandInCheck = {
  checkId: 'serfHealth',
  name: 'Serf Health Status',
  status: 'passing',
  output: 'Agent alive and reachable',
};

/** `GET /v1/health/service/:name` (`proxy`: `GET /v1/health/connect/:name`). */
export function healthEntries(
  c: StandInCluster,
  s: StandInService,
  proxy = false,
) {
  return servicesOf(s, proxy).map((svc, n) => {
    const i = s.instances[n];
    const own = proxy ? [] : i.checks.map(ch => checkOf(i, svc, ch, s.index));
    const node = checkOf(i, { ID: '', Service: '', Tags: [] }, SERF, s.index);
    return {
      Node: nodeOf(c, i, s.index),
      Service: svc,
      Checks: [...own, node],
    };
  });
}

/** `GET /v1/catalog/service/:name` (`proxy`: `GET /v1/catalog/connect/:name`). */
export function catalogEntries(
  c: StandInCluster,
  s: StandInService,
  proxy = false,
) {
  return servicesOf(s, proxy).map((svc, n) => {
    const {
      Meta,
      CreateIndex: _c,
      ModifyIndex: _m,
      ...node
    } = nodeOf(c, s.instances[n], s.index);
    return {
      ...node,
      NodeMeta: Meta,
      ServiceKind: proxy ? 'connect-proxy' : '',
      ServiceID: svc.ID,
      ServiceName: svc.Service,
      ServiceTags: svc.Tags,
      ServiceAddress: svc.Address,
      ServiceWeights: svc.Weights,
      ServiceMeta: svc.Meta,
      ServicePort: svc.Port,
      ServiceSocketPath: '',
      ServiceEnableTagOverride: false,
      ServiceProxy: svc.Proxy,
      ServiceConnect: {},
      CreateIndex: s.index,
      ModifyIndex: s.index,
    };
  });
}

/** `GET /v1/catalog/services`: names (sidecars too, as Consul lists them, sorted) to tags. */
export function catalogServices(c: StandInCluster): Record<string, string[]> {
  const out: Record<string, string[]> = { consul: [] };
  for (const s of c.services.values()) {
    if (!s.instances.length) continue;
    out[s.name] = [...new Set(s.tags)];
    if (s.sidecar) out[`${s.name}-sidecar-proxy`] = [];
  }
  return Object.fromEntries(
    Object.entries(out).sort(([a], [b]) => a.localeCompare(b)),
  );
}

// Consul's precedence: exact→exact 9, *→exact 8, exact→* 6, *→* 5; higher is evaluated first.
const precedence = (i: StandInIntention) =>
  (i.DestinationName === '*' ? 5 : 8) + (i.SourceName === '*' ? 0 : 1);

/** `GET /v1/connect/intentions/match?by=…&name=…`, in evaluation order. */
export function matchIntentions(c: StandInCluster, by: string, name: string) {
  const field = by === 'source' ? 'SourceName' : 'DestinationName';
  const list = c.intentions
    .filter(i => i[field] === name || i[field] === '*')
    .map(i => ({
      ...i,
      SourceNS: 'default',
      DestinationNS: 'default',
      SourceType: 'consul',
      Meta: {},
      Precedence: precedence(i),
      CreateIndex: c.intentionsIndex,
      ModifyIndex: c.intentionsIndex,
    }))
    .sort((a, b) => b.Precedence - a.Precedence);
  return { [name]: list };
}

/** `GET /v1/connect/intentions/check`: the highest-precedence match, else the default. */
export function checkIntention(
  c: StandInCluster,
  source: string,
  destination: string,
) {
  const matches = matchIntentions(c, 'destination', destination)[destination];
  const [top] = matches.filter(
    i => i.SourceName === source || i.SourceName === '*',
  );
  return { Allowed: top ? top.Action === 'allow' : c.defaultAllow };
}
