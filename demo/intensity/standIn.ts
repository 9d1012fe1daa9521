/**
 * A stand-in for the two Electricity Maps v3 endpoints Squad Insights reads, for the demo:
 * `GET /v3/carbon-intensity/history?zone=` and `GET /v3/power-breakdown/history?zone=`,
 * each the 24 hours up to the current one, from the synthetic week of ./model.ts. With
 * `--token` it wants that value in the `auth-token` header (401 otherwise), as the real
 * API does; an unknown zone answers 404 like the real one.
 *
 *   npx tsx demo/intensity/standIn.ts [--port 4511] [--host 127.0.0.1] [--token demo]
 */
import http from 'node:http';
import {
  commandLineOption,
  listenStandIn,
  runStandInFromCommandLine,
} from '../lib/standInServer';
import { hourOf } from './model';

const HOUR = 3_600_000;

function history(zone: string, now: number, kind: 'intensity' | 'breakdown') {
  const last = Math.floor(now / HOUR) * HOUR;
  const rows = [];
  for (let t = last - 23 * HOUR; t <= last; t += HOUR) {
    const h = hourOf(zone, t)!;
    const datetime = new Date(t).toISOString();
    const common = {
      zone,
      datetime,
      updatedAt: new Date(Math.min(now, t + 2 * HOUR)).toISOString(),
      createdAt: new Date(t - 72 * HOUR).toISOString(),
      isEstimated: t === last,
      estimationMethod: t === last ? 'TIME_SLICER_AVERAGE' : null,
    };
    rows.push(
      kind === 'intensity'
        ? { ...common, carbonIntensity: h.g, emissionFactorType: 'lifecycle' }
        : {
            ...common,
            renewablePercentage: Math.round(h.renewable * 100),
            fossilFreePercentage: Math.min(
              100,
              Math.round(h.renewable * 100) + 35,
            ),
          },
    );
  }
  return { zone, history: rows };
}

/** A running stand-in. @public */
export interface IntensityStandIn {
  url: string;
  close(): Promise<void>;
}

/** Starts the stand-in (port 0: any free port). @public */
export async function startIntensityStandIn(options: {
  port?: number;
  host?: string;
  token?: string;
  now?: () => number;
}): Promise<IntensityStandIn> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (options.token && req.headers['auth-token'] !== options.token) {
      send(401, { message: 'Invalid auth-token' });
      return;
    }
    const zone = url.searchParams.get('zone') ?? '';
    const now = options.now?.() ?? Date.now();
    if (!hourOf(zone, now)) {
      send(404, { message: `Zone '${zone}' does not exist.` });
      return;
    }
    if (url.pathname === '/v3/carbon-intensity/history')
      send(200, history(zone, now, 'intensity'));
    else if (url.pathname === '/v3/power-breakdown/history')
      send(200, history(zone, now, 'breakdown'));
    else send(404, { message: 'Not found' });
  });
  return listenStandIn(server, {
    port: options.port ?? 4511,
    host: options.host,
  });
}

if (require.main === module) {
  runStandInFromCommandLine({
    name: 'Grid-intensity',
    defaultPort: 4511,
    describe: 'synthetic SE1-SE4, IE, DE week',
    start: listen =>
      startIntensityStandIn({ ...listen, token: commandLineOption('token') }),
  });
}
