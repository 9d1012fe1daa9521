import type { Config } from '@backstage/config';
import type {
  GridIntensity,
  IntensityPoint,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { GridIntensityError } from './GridIntensityError';
import {
  readIntensityHistory,
  readRenewableHistory,
} from './electricityMapsResponses';

/** Options of {@link ElectricityMapsClient}. @public */
export interface ElectricityMapsClientOptions {
  /** API root without the version, e.g. `https://api.electricitymap.org`. */
  baseUrl: string;
  /** Sent as the `auth-token` header. */
  token?: string;
  timeoutMs?: number;
  /** Test seam; defaults to the global fetch. */
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * Reads the hourly carbon intensity and renewable share of a grid zone from an API shaped
 * like Electricity Maps' v3 `carbon-intensity/history` and `power-breakdown/history`
 * (the last 24 hours). Callers keep a longer series by storing each day's answer.
 *
 * @public
 */
export class ElectricityMapsClient {
  static fromConfig(config: Config): ElectricityMapsClient {
    return new ElectricityMapsClient({
      baseUrl: config.getString('baseUrl'),
      token: config.getOptionalString('token'),
      timeoutMs: config.getOptionalNumber('timeoutMs'),
    });
  }

  constructor(private readonly options: ElectricityMapsClientOptions) {}

  /** The last 24 hours of a zone; throws {@link GridIntensityError}. */
  async history(zone: string): Promise<GridIntensity> {
    const intensity = readOrThrow(
      zone,
      'carbon-intensity/history',
      await this.get(zone, 'carbon-intensity/history'),
      readIntensityHistory,
      this.options.token,
    );
    const renewables = readOrThrow(
      zone,
      'power-breakdown/history',
      await this.get(zone, 'power-breakdown/history'),
      readRenewableHistory,
      this.options.token,
    );
    const points: IntensityPoint[] = intensity
      .filter(r => r.carbonIntensity !== null)
      .map(r => ({
        datetime: r.datetime,
        gCo2ePerKwh: r.carbonIntensity!,
        ...(renewables.has(r.datetime)
          ? { renewableShare: renewables.get(r.datetime) }
          : {}),
        ...(r.isEstimated ? { estimated: true } : {}),
      }))
      .sort((a, b) => a.datetime.localeCompare(b.datetime));
    const mean = points.length
      ? points.reduce((s, p) => s + p.gCo2ePerKwh, 0) / points.length
      : 0;
    return {
      zone,
      kind: 'hourly',
      points,
      meanGCo2ePerKwh: mean,
      source: `hourly: ${
        new URL(this.options.baseUrl).host
      } (Electricity Maps v3 history)`,
      readAt: (this.options.now?.() ?? new Date()).toISOString(),
    };
  }

  private async get(zone: string, endpoint: string): Promise<unknown> {
    const url = new URL(`v3/${endpoint}`, withSlash(this.options.baseUrl));
    url.searchParams.set('zone', zone);
    const f = this.options.fetch ?? fetch;
    let response: Response;
    try {
      response = await f(url, {
        headers: {
          accept: 'application/json',
          ...(this.options.token ? { 'auth-token': this.options.token } : {}),
        },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (cause) {
      throw new GridIntensityError({
        failure: 'unreachable',
        zone,
        endpoint,
        reason: 'could not be reached',
        cause,
        token: this.options.token,
      });
    }
    if (!response.ok) throw failureOf(response, zone, endpoint);
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new GridIntensityError({
        failure: 'invalid-response',
        zone,
        endpoint,
        reason: 'answered with something that is not JSON',
        status: response.status,
      });
    }
  }
}

function withSlash(url: string) {
  return url.endsWith('/') ? url : `${url}/`;
}

function failureOf(response: Response, zone: string, endpoint: string) {
  const status = response.status;
  if (status === 401 || status === 403) {
    return new GridIntensityError({
      failure: 'unauthorized',
      zone,
      endpoint,
      reason: 'was refused; check squadInsights.sustainability.intensity.token',
      status,
    });
  }
  if (status === 429) {
    const retry = Number(response.headers.get('retry-after'));
    return new GridIntensityError({
      failure: 'rate-limited',
      zone,
      endpoint,
      reason: 'was rate limited',
      status,
      retryAfterSeconds:
        Number.isFinite(retry) && retry > 0 ? retry : undefined,
    });
  }
  return new GridIntensityError({
    failure: status >= 500 ? 'upstream' : 'invalid-response',
    zone,
    endpoint,
    reason: 'failed',
    status,
  });
}

function readOrThrow<T>(
  zone: string,
  endpoint: string,
  body: unknown,
  read: (body: unknown, zone: string) => T,
  token?: string,
): T {
  try {
    return read(body, zone);
  } catch (e) {
    throw new GridIntensityError({
      failure: 'invalid-response',
      zone,
      endpoint,
      reason: `answered in an unexpected shape: the body ${
        (e as Error).message
      }`,
      token,
    });
  }
}
