import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A health check of a stand-in instance. */
export interface StandInCheck {
  checkId: string;
  name: string;
  status: 'passing' | 'warning' | 'critical';
  output: string;
}

/** One registered instance; `update()` callers may change any field. */
export interface StandInInstance {
  id: string;
  node: string;
  nodeAddress: string;
  address: string;
  port: number;
  meta: Record<string, string>;
  checks: StandInCheck[];
}

/** One service as the stand-in holds it. `index` is its ModifyIndex, bumped by `update()`. */
export interface StandInService {
  name: string;
  tags: string[];
  sidecar: boolean;
  instances: StandInInstance[];
  index: number;
}

/** An intention as kept in data/intentions.json. */
export interface StandInIntention {
  SourceName: string;
  DestinationName: string;
  Action: 'allow' | 'deny';
  Description: string;
}

/** Everything the stand-in serves; `index` is the highest index handed out so far. */
export interface StandInCluster {
  datacenter: string;
  services: Map<string, StandInService>;
  intentions: StandInIntention[];
  intentionsIndex: number;
  defaultAllow: boolean;
  index: number;
}

interface ServiceSpec {
  name: string;
  port: number;
  tags: string[];
  sidecar?: boolean;
  instances?: number;
  meta: Record<string, string>;
  overrides?: Array<{
    instance: number;
    status?: StandInCheck['status'];
    output?: string;
    meta?: Record<string, string>;
  }>;
}

/** Reads `services.json` and `intentions.json` and expands them into instances and checks. */
export function loadCluster(dataDir: string): StandInCluster {
  const spec = JSON.parse(readFileSync(join(dataDir, 'services.json'), 'utf8'));
  const intents = JSON.parse(
    readFileSync(join(dataDir, 'intentions.json'), 'utf8'),
  );
  const services = new Map<string, StandInService>();
  let index = spec.startIndex as number;
  (spec.services as ServiceSpec[]).forEach((s, si) => {
    const instances = Array.from(
      { length: s.instances ?? 3 },
      (_, i): StandInInstance => {
        const worker = ((si * 3 + i) % spec.nodes) + 1;
        const address = `10.21.${si + 1}.${11 + i}`;
        const o = s.overrides?.find(x => x.instance === i);
        const id = `${s.name}-${createHash('sha1')
          .update(`${s.name}/${i}`)
          .digest('hex')
          .slice(0, 5)}`;
        return {
          id,
          node: `${spec.datacenter}-worker-${String(worker).padStart(2, '0')}`,
          nodeAddress: `10.20.0.${10 + worker}`,
          address,
          port: s.port,
          meta: { ...s.meta, ...o?.meta },
          checks: [
            {
              checkId: `service:${id}`, // Consul names service checks after the service ID
              name: `HTTP health of ${s.name}`,
              status: o?.status ?? 'passing',
              output: (
                o?.output ??
                `HTTP GET http://{address}:${s.port}/health: 200 OK Output: ok`
              ).replace('{address}', address),
            },
          ],
        };
      },
    );
    services.set(s.name, {
      name: s.name,
      tags: s.tags,
      sidecar: !!s.sidecar,
      instances,
      index: ++index,
    });
  });
  return {
    datacenter: spec.datacenter,
    services,
    intentions: intents.intentions,
    intentionsIndex: intents.index,
    defaultAllow: intents.defaultAllow,
    index,
  };
}
