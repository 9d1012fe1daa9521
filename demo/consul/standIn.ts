/**
 * A stand-in for Consul's HTTP API for the demo: the catalog, health, Connect and intentions
 * endpoints Squad Insights reads, for the demo services, with blocking-query semantics.
 * Responses copy the shapes of the recorded ones in shared/corpus/consul.
 *
 *   npx tsx demo/consul/standIn.ts [--port 8500] [--host 127.0.0.1]
 */
import http from 'node:http';
import { join } from 'node:path';
import { listenStandIn, runStandInFromCommandLine } from '../lib/standInServer';
import { StandInService, loadCluster } from './model';
import {
  catalogEntries,
  catalogServices,
  checkIntention,
  healthEntries,
  matchIntentions,
} from './responses';

export type { StandInCheck, StandInInstance, StandInService } from './model';

/**
 * A running stand-in.
 *
 * @public
 */
export interface ConsulStandIn {
  url: string;
  /** Changes one service (e.g. a check's status) and bumps its index, waking blocked queries. */
  update(service: string, mutate: (s: StandInService) => void): void;
  /** How many blocking queries are held right now: lets tests wait for the event, not a clock. */
  heldQueries(): number;
  close(): Promise<void>;
}

interface Route {
  /** The X-Consul-Index of the answer; a blocking query waits until it exceeds `?index`. */
  index(): number;
  body(): unknown;
}

const MAX_WAIT = 600_000; // Consul caps wait at 10 minutes and defaults to 5
const DEFAULT_WAIT = 300_000;
const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Parses a Go duration such as `30s`, `1m30s` or `250ms`; undefined when invalid. */
function parseWait(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (!parts.length || parts.map(p => p[0]).join('') !== text) return undefined;
  return parts.reduce((ms, [, n, unit]) => ms + Number(n) * UNITS[unit], 0);
}

/**
 * Starts the stand-in on `host:port` (port 0: any free port) with the data in `dataDir`
 * (default: ./data beside this file).
 *
 * @public
 */
export async function startConsulStandIn(options: {
  port?: number;
  host?: string;
  dataDir?: string;
  /** When set, requests must carry it as X-Consul-Token (or ?token=). */
  token?: string;
}): Promise<ConsulStandIn> {
  const cluster = loadCluster(options.dataDir ?? join(__dirname, 'data'));
  const waiters = new Set<() => void>();
  const service = (name: string) => cluster.services.get(name);
  const empty = () => ({ index: () => cluster.index, body: () => [] });

  function route(path: string, q: URLSearchParams): Route | undefined {
    const [, kind, a, b] =
      path.match(
        /^\/v1\/(catalog|health|connect|status)\/([^/]+)(?:\/([^/]+))?$/,
      ) ?? [];
    const name = b && decodeURIComponent(b);
    const s = name ? service(name) : undefined;
    const svcIndex = () => s!.index;
    if (kind === 'catalog' && a === 'services' && !b) {
      return {
        index: () =>
          Math.max(...[...cluster.services.values()].map(x => x.index)),
        body: () => catalogServices(cluster),
      };
    }
    if (kind === 'health' && (a === 'service' || a === 'connect') && name) {
      // A sidecar is a service of its own too: /v1/health/service/<name>-sidecar-proxy.
      const proxyOf = name.endsWith('-sidecar-proxy')
        ? service(name.replace(/-sidecar-proxy$/, ''))
        : undefined;
      if (proxyOf?.sidecar && a === 'service')
        return {
          index: () => proxyOf.index,
          body: () => healthEntries(cluster, proxyOf, true),
        };
      if (!s || (a === 'connect' && !s.sidecar)) return empty();
      const passing = q.has('passing');
      return {
        index: svcIndex,
        body: () =>
          healthEntries(cluster, s, a === 'connect').filter(
            e => !passing || e.Checks.every(c => c.Status === 'passing'),
          ),
      };
    }
    if (kind === 'catalog' && (a === 'service' || a === 'connect') && name) {
      if (!s || (a === 'connect' && !s.sidecar)) return empty();
      return {
        index: svcIndex,
        body: () => catalogEntries(cluster, s, a === 'connect'),
      };
    }
    if (
      kind === 'connect' &&
      a === 'intentions' &&
      (b === 'match' || b === 'check')
    ) {
      const body =
        b === 'match'
          ? () =>
              matchIntentions(cluster, q.get('by') ?? '', q.get('name') ?? '')
          : () =>
              checkIntention(
                cluster,
                q.get('source') ?? '',
                q.get('destination') ?? '',
              );
      return { index: () => cluster.intentionsIndex, body };
    }
    if (kind === 'status' && a === 'leader' && !b)
      return { index: () => cluster.index, body: () => '127.0.0.1:8300' };
    return undefined;
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const text = (status: number, message: string) => {
      res
        .writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(message);
    };
    if (req.method !== 'GET') return text(405, 'method not allowed');
    const token =
      req.headers['x-consul-token'] ?? url.searchParams.get('token');
    if (options.token && token !== options.token)
      return text(403, 'ACL not found');
    const r = route(url.pathname, url.searchParams);
    if (!r) return text(404, `no stand-in for ${url.pathname}`);

    const rawIndex = url.searchParams.get('index');
    if (rawIndex !== null && !/^\d+$/.test(rawIndex))
      return text(400, `Invalid index "${rawIndex}"`);
    const rawWait = url.searchParams.get('wait');
    const wait = rawWait === null ? DEFAULT_WAIT : parseWait(rawWait);
    if (wait === undefined) return text(400, `Invalid wait time "${rawWait}"`);
    const minIndex = Number(rawIndex ?? 0);

    const answer = () => {
      waiters.delete(wake);
      clearTimeout(timer);
      if (res.writableEnded || res.destroyed) return;
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'X-Consul-Index': String(r.index()),
        'X-Consul-KnownLeader': 'true',
        'X-Consul-LastContact': '0',
      });
      res.end(JSON.stringify(r.body()));
    };
    const wake = () => {
      if (r.index() > minIndex) answer();
    };
    let timer: NodeJS.Timeout | undefined;
    // index=0 (or none) never blocks; otherwise hold until the index moves past it or the
    // wait (plus up to wait/16 of jitter, as Consul adds) runs out, then answer as it stands.
    if (minIndex === 0 || r.index() > minIndex) return answer();
    const ms = Math.min(wait, MAX_WAIT);
    timer = setTimeout(answer, ms + Math.random() * (ms / 16));
    waiters.add(wake);
    res.on('close', () => {
      waiters.delete(wake);
      clearTimeout(timer);
    });
    return undefined;
  });

  const listening = await listenStandIn(server, {
    port: options.port ?? 8500,
    host: options.host,
  });

  return {
    url: listening.url,
    update(name, mutate) {
      const s = service(name);
      if (!s) throw new Error(`The stand-in has no service ${name}`);
      mutate(s);
      s.index = ++cluster.index;
      for (const w of [...waiters]) w();
    },
    heldQueries: () => waiters.size,
    close: listening.close,
  };
}

if (require.main === module) {
  runStandInFromCommandLine({
    name: 'Consul',
    defaultPort: 8500,
    describe: 'demo services, blocking queries',
    start: startConsulStandIn,
  });
}
