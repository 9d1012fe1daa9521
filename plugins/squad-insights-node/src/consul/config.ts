import { Config, readDurationFromConfig } from '@backstage/config';
import type { ConsulClientOptions } from './types';

const MS: Record<string, number> = {
  years: 365 * 86_400_000,
  months: 30 * 86_400_000,
  weeks: 7 * 86_400_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
};

function durationMs(config: Config, key: string): number | undefined {
  if (!config.has(key)) return undefined;
  // Accepts '10s', 'PT10S' or { seconds: 10 }, like every Backstage duration setting.
  const d = readDurationFromConfig(config, { key }) as Record<
    string,
    number | undefined
  >;
  return Object.entries(d).reduce(
    (sum, [unit, n]) => sum + (n ?? 0) * (MS[unit] ?? 0),
    0,
  );
}

/**
 * Reads client options from the `squadInsights.consul` block of app-config:
 * `address`, `scheme`, `token`, `datacenter`, `tls.{ca,cert,key,rejectUnauthorized}`, `timeout`,
 * `stale` and `intentionsDefaultAllow`. Returns undefined when the block is absent, which
 * turns the Consul view off.
 *
 * @public
 */
export function readConsulClientOptions(
  rootConfig: Config,
): ConsulClientOptions | undefined {
  const c = rootConfig.getOptionalConfig('squadInsights.consul');
  if (!c) return undefined;
  const tls = c.getOptionalConfig('tls');
  return {
    address: c.getOptionalString('address'),
    scheme: c.getOptionalString('scheme') as ConsulClientOptions['scheme'],
    token: c.getOptionalString('token'),
    datacenter: c.getOptionalString('datacenter'),
    tls: tls && {
      ca: tls.getOptionalString('ca'),
      cert: tls.getOptionalString('cert'),
      key: tls.getOptionalString('key'),
      rejectUnauthorized: tls.getOptionalBoolean('rejectUnauthorized'),
    },
    timeoutMs: durationMs(c, 'timeout'),
    stale: c.getOptionalBoolean('stale'),
    intentionsDefaultAllow: c.getOptionalBoolean('intentionsDefaultAllow'),
  };
}
