import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { ElectricityMapsClient } from './ElectricityMapsClient';
import { GridIntensityError } from './GridIntensityError';

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'https://api.electricitymap.org';
const TOKEN = 'em-token-0123456789';

// Shaped as Electricity Maps' v3 documentation shows the two history responses.
const intensityBody = {
  zone: 'SE3',
  history: [
    {
      zone: 'SE3',
      carbonIntensity: 31,
      datetime: '2026-12-01T01:00:00.000Z',
      updatedAt: '2026-12-01T03:03:41.302Z',
      createdAt: '2026-11-28T01:47:08.214Z',
      emissionFactorType: 'lifecycle',
      isEstimated: false,
      estimationMethod: null,
    },
    {
      zone: 'SE3',
      carbonIntensity: 24,
      datetime: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T03:03:41.302Z',
      createdAt: '2026-11-28T01:47:08.214Z',
      emissionFactorType: 'lifecycle',
      isEstimated: true,
      estimationMethod: 'TIME_SLICER_AVERAGE',
    },
    {
      zone: 'SE3',
      carbonIntensity: null,
      datetime: '2026-12-01T02:00:00.000Z',
      updatedAt: '2026-12-01T03:03:41.302Z',
      createdAt: '2026-11-28T01:47:08.214Z',
      emissionFactorType: 'lifecycle',
      isEstimated: false,
      estimationMethod: null,
    },
  ],
};
const breakdownBody = {
  zone: 'SE3',
  history: [
    {
      zone: 'SE3',
      datetime: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T03:03:41.302Z',
      createdAt: '2026-11-28T01:47:08.214Z',
      powerConsumptionBreakdown: {
        nuclear: 5900,
        hydro: 4200,
        wind: 2100,
        gas: 12,
      },
      powerProductionBreakdown: {
        nuclear: 5900,
        hydro: 3900,
        wind: 2300,
        gas: 12,
      },
      powerImportBreakdown: { 'SE-SE2': 2100 },
      powerExportBreakdown: { 'SE-SE4': 1800 },
      fossilFreePercentage: 99,
      renewablePercentage: 52,
      powerConsumptionTotal: 12212,
      powerProductionTotal: 12112,
      powerImportTotal: 2100,
      powerExportTotal: 1800,
      isEstimated: false,
      estimationMethod: null,
    },
  ],
};

function serve(
  intensity: () => Response,
  breakdown: () => Response = () => HttpResponse.json(breakdownBody),
) {
  const seen: Array<{
    path: string;
    zone: string | null;
    token: string | null;
  }> = [];
  server.use(
    http.get(`${BASE}/v3/carbon-intensity/history`, ({ request }) => {
      const u = new URL(request.url);
      seen.push({
        path: u.pathname,
        zone: u.searchParams.get('zone'),
        token: request.headers.get('auth-token'),
      });
      return intensity();
    }),
    http.get(`${BASE}/v3/power-breakdown/history`, ({ request }) => {
      const u = new URL(request.url);
      seen.push({
        path: u.pathname,
        zone: u.searchParams.get('zone'),
        token: request.headers.get('auth-token'),
      });
      return breakdown();
    }),
  );
  return seen;
}

const client = () =>
  new ElectricityMapsClient({
    baseUrl: BASE,
    token: TOKEN,
    now: () => new Date('2026-12-01T03:10:00Z'),
  });

async function failure(p: Promise<unknown>): Promise<GridIntensityError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GridIntensityError);
  return e as GridIntensityError;
}

describe('ElectricityMapsClient', () => {
  it('reads both histories with the auth-token header and merges them by hour, oldest first', async () => {
    const seen = serve(() => HttpResponse.json(intensityBody));
    const r = await client().history('SE3');
    expect(seen).toEqual([
      { path: '/v3/carbon-intensity/history', zone: 'SE3', token: TOKEN },
      { path: '/v3/power-breakdown/history', zone: 'SE3', token: TOKEN },
    ]);
    expect(r.zone).toBe('SE3');
    expect(r.kind).toBe('hourly');
    // The null hour is left out, not read as 0 g/kWh.
    expect(r.points).toEqual([
      {
        datetime: '2026-12-01T00:00:00.000Z',
        gCo2ePerKwh: 24,
        renewableShare: 0.52,
        estimated: true,
      },
      { datetime: '2026-12-01T01:00:00.000Z', gCo2ePerKwh: 31 },
    ]);
    expect(r.meanGCo2ePerKwh).toBe(27.5);
    expect(r.readAt).toBe('2026-12-01T03:10:00.000Z');
    expect(r.source).toMatch(/api\.electricitymap\.org/);
  });

  it('401: unauthorized, naming the zone and the config key, never the token', async () => {
    serve(() =>
      HttpResponse.json({ message: `bad token ${TOKEN}` }, { status: 401 }),
    );
    const e = await failure(client().history('SE3'));
    expect(e.failure).toBe('unauthorized');
    expect(e.status).toBe(401);
    expect(e.message).toContain('zone SE3');
    expect(e.message).toContain('intensity.token');
    expect(e.message).not.toContain(TOKEN);
  });

  it('429: rate limited, with Retry-After', async () => {
    serve(
      () =>
        new HttpResponse('Too Many Requests', {
          status: 429,
          headers: { 'Retry-After': '120' },
        }),
    );
    const e = await failure(client().history('SE4'));
    expect(e.failure).toBe('rate-limited');
    expect(e.retryAfterSeconds).toBe(120);
  });

  it('500: an upstream failure', async () => {
    serve(() => new HttpResponse('oops', { status: 500 }));
    const e = await failure(client().history('SE3'));
    expect(e.failure).toBe('upstream');
    expect(e.message).toContain('HTTP 500 Internal Server Error');
  });

  it('garbage: HTML, a wrong shape, another zone or a non-number intensity', async () => {
    serve(
      () =>
        new HttpResponse('<html>proxy login</html>', {
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    expect((await failure(client().history('SE3'))).failure).toBe(
      'invalid-response',
    );

    serve(() => HttpResponse.json({ zone: 'SE3', data: [] }));
    expect((await failure(client().history('SE3'))).message).toMatch(
      /no "history" list/,
    );

    serve(() => HttpResponse.json({ ...intensityBody, zone: 'DE' }));
    expect((await failure(client().history('SE3'))).message).toMatch(
      /zone DE, not SE3/,
    );

    serve(() =>
      HttpResponse.json({
        zone: 'SE3',
        history: [{ ...intensityBody.history[0], carbonIntensity: '31' }],
      }),
    );
    expect((await failure(client().history('SE3'))).message).toMatch(
      /carbonIntensity is not a number/,
    );
  });

  it('a bad power breakdown fails the read too', async () => {
    serve(
      () => HttpResponse.json(intensityBody),
      () =>
        HttpResponse.json({
          zone: 'SE3',
          history: [
            { datetime: '2026-12-01T00:00:00Z', renewablePercentage: 140 },
          ],
        }),
    );
    const e = await failure(client().history('SE3'));
    expect(e.message).toMatch(/power-breakdown\/history.*not a percentage/);
  });
});
