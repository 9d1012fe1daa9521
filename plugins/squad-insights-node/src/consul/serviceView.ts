import type {
  ConsulAgentService,
  ConsulApiCheck,
  ConsulApiIntention,
  ConsulCatalogServiceEntry,
  ConsulHealthServiceEntry,
} from './consulApi';
import type {
  ConsulCheckSummary,
  ConsulHealthStatus,
  ConsulIntentions,
  ConsulServiceInstance,
  ConsulServiceMeta,
  ConsulServiceView,
} from './types';
import { scrubValue } from '../terraform/parse/secrets';
import { isSecretValue } from '../terraform/parse/secretValues';

const MAX_NAME = 80;
const MAX_OUTPUT = 200;
const RANK: Record<ConsulHealthStatus, number> = {
  passing: 0,
  warning: 1,
  critical: 2,
};

function trim(text: string | undefined, max: number): string {
  const t = (text ?? '').trim().replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

// Consul only reports passing/warning/critical (maintenance mode is a critical check). Anything
// else would come from a newer or broken server; showing it as healthy could hide an outage.
function status(raw: string): ConsulHealthStatus {
  return raw === 'passing' || raw === 'warning' ? raw : 'critical';
}

/** The worst of several states; passing for none. @internal */
export function worst(
  states: Iterable<ConsulHealthStatus>,
): ConsulHealthStatus {
  let result: ConsulHealthStatus = 'passing';
  for (const s of states) if (RANK[s] > RANK[result]) result = s;
  return result;
}

const WITHHELD = '(output withheld: it held a credential)';

function check(c: ConsulApiCheck): ConsulCheckSummary {
  return {
    checkId: c.CheckID,
    name: trim(c.Name, MAX_NAME),
    status: status(c.Status),
    // Judged whole, before trimming could cut a credential in two. A check's output is often
    // a whole HTTP body or script output: the same scrubber as Terraform states applies.
    output:
      c.Output && isSecretValue(c.Output)
        ? WITHHELD
        : trim(c.Output, MAX_OUTPUT),
  };
}

/** One `/v1/health/service` entry as an instance. @internal */
export function toInstance(
  entry: ConsulHealthServiceEntry,
): ConsulServiceInstance {
  const checks = (entry.Checks ?? []).map(check);
  return {
    node: entry.Node.Node,
    address: entry.Service.Address || entry.Node.Address,
    port: entry.Service.Port,
    serviceId: entry.Service.ID,
    tags: entry.Service.Tags ?? [],
    // Meta is free-form: secret-named keys and credential values go, as in a state.
    meta: scrubValue(entry.Service.Meta ?? {}) ?? {},
    health: worst(checks.map(c => c.status)),
    checks,
  };
}

/** Merges the instances' `Service.Meta` into the ownership facts. @internal */
export function mergeMeta(
  instances: ConsulServiceInstance[],
): ConsulServiceMeta {
  const raw: Record<string, string> = {};
  for (const i of instances) {
    for (const [k, v] of Object.entries(i.meta)) if (!(k in raw)) raw[k] = v;
  }
  const versions = [
    ...new Set(instances.map(i => i.meta.version).filter(Boolean)),
  ].sort();
  const compliance = raw.compliance
    ?.split(',')
    .map(s => s.trim())
    .filter(Boolean);
  return {
    team: raw.team || undefined,
    tribe: raw.tribe || undefined,
    compliance: compliance?.length ? compliance : undefined,
    dataClassification:
      raw['data-classification'] || raw.data_classification || undefined,
    version: versions.length === 1 ? versions[0] : undefined,
    versions,
    raw,
  };
}

/**
 * Whether a Connect sidecar fronts `name`, or `name` is Connect-native, from catalog-connect
 * entries (`/v1/catalog/connect/:name`), agent services (`/v1/agent/services`) and the
 * service's own health entries (a `connect-proxy` kind or `Connect.Native`).
 *
 * @internal
 */
export function connectOf(
  name: string,
  sources: {
    catalog?: ConsulCatalogServiceEntry[];
    agent?: Record<string, ConsulAgentService>;
    health?: ConsulHealthServiceEntry[];
  },
): { sidecar: boolean; native: boolean } {
  const proxies = [
    ...(sources.catalog ?? [])
      .filter(e => e.ServiceKind === 'connect-proxy')
      .map(e => e.ServiceProxy?.DestinationServiceName ?? e.ServiceName),
    ...Object.values(sources.agent ?? {})
      .filter(s => s.Kind === 'connect-proxy')
      .map(
        s => s.Proxy?.DestinationServiceName || s.ProxyDestination || s.Service,
      ),
  ];
  const sidecar = proxies.some(
    dest => dest === name || dest === `${name}-sidecar-proxy`,
  );
  const native =
    (sources.catalog ?? []).some(
      e => e.ServiceName === name && e.ServiceConnect?.Native,
    ) ||
    Object.values(sources.agent ?? {}).some(
      s => s.Service === name && s.Connect?.Native,
    ) ||
    (sources.health ?? []).some(e => e.Service.Connect?.Native === true);
  return { sidecar, native };
}

/**
 * The sources of `/v1/connect/intentions/match?by=destination` for `name`, one per source name:
 * the list is in evaluation order, so the first intention for a source is the one that applies
 * (e.g. `web → db: deny` shadows `web → *: allow`).
 *
 * @internal
 */
export function intentionSources(
  intentions: ConsulApiIntention[],
): ConsulIntentions['sources'] {
  const seen = new Set<string>();
  const sources: ConsulIntentions['sources'] = [];
  for (const i of intentions) {
    if (seen.has(i.SourceName)) continue;
    seen.add(i.SourceName);
    sources.push({
      name: i.SourceName,
      action: i.Action === 'allow' ? 'allow' : 'deny',
    });
  }
  return sources;
}

/** Builds the view from the raw reads. @internal */
export function buildServiceView(input: {
  name: string;
  health: ConsulHealthServiceEntry[];
  index: number;
  connect: { sidecar: boolean; native: boolean };
  intentions: ConsulIntentions;
  datacenter?: string;
  now?: Date;
}): ConsulServiceView {
  const instances = input.health.map(toInstance);
  const healthCounts = { passing: 0, warning: 0, critical: 0 };
  for (const i of instances) healthCounts[i.health]++;
  return {
    name: input.name,
    datacenter:
      input.health.find(e => e.Node.Datacenter)?.Node.Datacenter ??
      input.datacenter ??
      '',
    instances,
    health: worst(instances.map(i => i.health)),
    healthCounts,
    tags: [...new Set(instances.flatMap(i => i.tags))].sort(),
    meta: mergeMeta(instances),
    connect: input.connect,
    intentions: input.intentions,
    index: input.index,
    readAt: (input.now ?? new Date()).toISOString(),
  };
}
