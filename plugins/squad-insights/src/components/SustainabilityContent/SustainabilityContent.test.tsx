import { screen, within } from '@testing-library/react';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { EntityFootprintResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { SustainabilityContent } from './SustainabilityContent';
import {
  ENTITY,
  errorBody,
  renderWithBackend,
} from '../ComplianceContent/__testUtils__/renderWithBackend';

const server = setupServer();
registerMswTestHooks(server);

const part = (kwhPerDay: number, co2eKgPerDay: number) => ({
  kwhPerDay,
  co2eKgPerDay,
});
const STATE = 'demo:playlist-management/terraform.tfstate';

// Business-hours scaling as the demo's scheduled actions set it: 6 replicas Mon–Fri 07–18
// Stockholm time, 2 otherwise; the default Nordic green bands.
const HIGH = [22, 23, 0, 1, 2, 3, 4, 5];
const MEDIUM = [6, 7, 18, 19, 20, 21];
const heatmap = {
  timeZone: 'Europe/Stockholm',
  weekStart: '2026-11-22T23:00:00.000Z',
  capacity: Array.from({ length: 7 }, (_, d) =>
    Array.from({ length: 24 }, (__, h) => (d < 5 && h >= 7 && h < 18 ? 6 : 2)),
  ),
  band: Array.from({ length: 7 }, () =>
    Array.from({ length: 24 }, (_, h) => {
      if (HIGH.includes(h)) return 'high';
      return MEDIUM.includes(h) ? 'medium' : 'low';
    }),
  ),
};

const history = Array.from({ length: 90 }, (_, i) => {
  const day = new Date(Date.UTC(2026, 7, 29 + i)).toISOString().slice(0, 10);
  const kwhPerDay = 30 + i * 0.1;
  const co2eKgPerDay = 0.3 + i * 0.001;
  return {
    entityRef: 'component:default/playlist-management',
    day,
    kwhPerDay,
    co2eKgPerDay,
    carbonTaxSekPerMonth: co2eKgPerDay * 30.4375 * 1.25,
    breakdown: {
      compute: part(kwhPerDay, co2eKgPerDay),
      memory: part(0, 0),
      storage: part(0, 0),
      network: part(0, 0),
      embodied: part(0, 0),
    },
  };
});

const response = {
  entityRef: 'component:default/playlist-management',
  criticality: 'low',
  criticalityDeclared: true,
  stale: true,
  states: [
    {
      reference: STATE,
      freshness: {
        stale: true,
        readAt: '2026-11-25T08:00:00.000Z',
        lastError: 'source demo is down',
        lastErrorAt: '2026-11-25T09:00:00.000Z',
      },
    },
  ],
  problems: [],
  advice: [
    {
      kind: 'move-region',
      summary: 'Moving to eu-west-1 adds CO2e',
      co2eKgPerMonthSaved: -13.2,
      kwhPerMonthAffected: 50,
      region: 'eu-west-1',
      renewableShare: 0.43,
    },
    {
      kind: 'trim-off-hours-replicas',
      summary: 'Run 1 replica off-hours instead of 2 (observed need)',
      co2eKgPerMonthSaved: 0.41,
      kwhPerMonthAffected: 212,
    },
  ],
  history,
  heatmap,
  footprint: {
    service: 'playlist-management',
    primaryRegion: 'eu-north-1',
    kwhPerDay: 39.1,
    co2eKgPerDay: 0.39,
    co2eKgPerMonth: 11.87,
    carbonTaxSekPerMonth: 14.84,
    sekPerKgCo2e: 1.25,
    renewableShare: 0.69,
    meetsRenewableThreshold: true,
    renewableThreshold: 0.5,
    coverage: { made: 8, notMade: 1, notMadeShare: 1 / 9 },
    notEstimated: [
      {
        address: 'aws_s3_bucket.exports',
        component: 'storage',
        reason: 'size not in Terraform state',
      },
    ],
    assumptions: [],
    items: [],
    byRegion: {},
    breakdown: {
      compute: part(30.2, 0.27),
      memory: part(6.1, 0.05),
      storage: part(2.8, 0.02),
      network: part(0, 0),
      embodied: part(0, 0.05),
    },
  },
} satisfies EntityFootprintResponse;

describe('SustainabilityContent', () => {
  it('shows the tiles, advice with its effect, the gaps and the stale source', async () => {
    server.use(
      http.get(`${ENTITY}/footprint`, () => HttpResponse.json(response)),
    );
    await renderWithBackend(<SustainabilityContent />);
    expect(await screen.findByText('39,10 kWh/day')).toBeInTheDocument();
    expect(screen.getByText('11,87 kg CO2e/month')).toBeInTheDocument();
    expect(screen.getByText('14,84 SEK/month')).toBeInTheDocument();
    expect(screen.getByText('69 %')).toBeInTheDocument();
    expect(
      screen.getByText('Adds 13,20 kg CO2e/month · 50 kWh/month affected'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Saves 0,41 kg CO2e/month · 212 kWh/month affected'),
    ).toBeInTheDocument();
    expect(screen.getByText('size not in Terraform state')).toBeInTheDocument();
    expect(
      screen.getByText(
        new RegExp(
          `Terraform state ${STATE}: last good read .*failing since .*: source demo is down`,
        ),
      ),
    ).toBeInTheDocument();
  });

  it('draws the 90-day trend as an image with a summary and a table of the values', async () => {
    server.use(
      http.get(`${ENTITY}/footprint`, () => HttpResponse.json(response)),
    );
    await renderWithBackend(<SustainabilityContent />);
    const chart = await screen.findByRole('img', {
      name: /over 90 days, 2026-08-29 to 2026-11-26/,
    });
    expect(chart).toHaveAccessibleName(
      'Energy and emissions per day over 90 days, 2026-08-29 to 2026-11-26: 30,00 to 38,90 kWh/day, 0,300 to 0,389 kg CO2e/day.',
    );
    // recharts drew both series.
    expect(chart.querySelectorAll('.recharts-line')).toHaveLength(2);
    const table = screen.getByRole('table', {
      name: /Energy and emissions per day/,
    });
    expect(within(table).getAllByRole('row')).toHaveLength(91);
    expect(
      within(table).getByRole('rowheader', { name: '2026-11-26' }),
    ).toBeInTheDocument();
  });

  it('shows scheduled capacity as a week × 24 hours heatmap with labelled cells and a legend', async () => {
    server.use(
      http.get(`${ENTITY}/footprint`, () => HttpResponse.json(response)),
    );
    await renderWithBackend(<SustainabilityContent />);
    const grid = await screen.findByRole('table', {
      name: /Scheduled replicas per hour of the week, Europe\/Stockholm time/,
    });
    expect(within(grid).getAllByRole('cell')).toHaveLength(7 * 24);
    // Local Monday, although the instant is Sunday 23:00 UTC.
    expect(
      screen.getByText('Week of 2026-11-23, Europe/Stockholm time'),
    ).toBeInTheDocument();
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map(r => r.textContent),
    ).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(
      within(grid).getByRole('cell', {
        name: 'Mon 08:00: 6 replicas, low renewable share',
      }),
    ).toBeInTheDocument();
    expect(
      within(grid).getByRole('cell', {
        name: 'Sat 23:00: 2 replicas, green (high renewable share)',
      }),
    ).toHaveAttribute(
      'title',
      'Sat 23:00: 2 replicas, green (high renewable share)',
    );
    expect(
      screen.getByText('bar height: scheduled replicas (full cell = 6)'),
    ).toBeInTheDocument();
  });

  it('colours the heatmap by the real hourly intensity and shows PUE, grid factor, energy per request and the usage source', async () => {
    // 12 g/kWh at night, 40 g by day: the cells carry the hour's figure instead of a band.
    const intensity = heatmap.capacity.map(row =>
      row.map((_, h) => (h < 6 ? 12 : 40)),
    );
    server.use(
      http.get(`${ENTITY}/footprint`, () =>
        HttpResponse.json({
          ...response,
          heatmap: {
            ...heatmap,
            intensity,
            intensitySource: 'SE3: hourly: em.example, 24 stored hours',
          },
          footprint: {
            ...response.footprint,
            factors: [
              {
                region: 'eu-north-1',
                cloud: 'aws',
                pue: 1.135,
                gridKgCo2ePerKwh: 0.0088,
                gridSource: 'CCF AWS location-based annual factor',
              },
            ],
            kwhPerTransaction: 0.0000012,
            requestsPerDay: 1000000,
          },
          usage: {
            source: 'CloudWatch (source demo)',
            measuredAt: '2026-12-02T06:00:00.000Z',
            attemptedAt: '2026-12-03T06:00:00.000Z',
            stale: true,
            staleReason: 'was throttled by AWS',
            missing: [],
          },
          gridIntensity: {
            zone: 'SE3',
            kind: 'hourly',
            meanGCo2ePerKwh: 33,
            hours: 24,
            source: 'hourly: em.example',
          },
        }),
      ),
    );
    await renderWithBackend(<SustainabilityContent />);
    const grid = await screen.findByRole('table', {
      name: /Scheduled replicas per hour of the week/,
    });
    expect(
      within(grid).getByRole('cell', {
        name: 'Mon 03:00: 2 replicas, grid 12 g CO2e/kWh',
      }),
    ).toBeInTheDocument();
    expect(
      within(grid).getByRole('cell', {
        name: 'Mon 08:00: 6 replicas, grid 40 g CO2e/kWh',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Colour: grid intensity, greenest 12 to palest 40 g CO2e\/kWh \(SE3: hourly/,
      ),
    ).toBeInTheDocument();
    const factors = screen.getByRole('table', {
      name: 'PUE and grid factor per region',
    });
    expect(within(factors).getByText('1,135')).toBeInTheDocument();
    expect(within(factors).getByText('8,8 g CO2e/kWh')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Energy per request: 0,0012 Wh \(1 000 000 requests\/day/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Measured usage: CloudWatch \(source demo\), read .*\(stale: was throttled by AWS\)/,
      ),
    ).toBeInTheDocument();
  });

  it('says unknown rather than zeros when nothing was read, and that there is no history yet', async () => {
    server.use(
      http.get(`${ENTITY}/footprint`, () =>
        HttpResponse.json({
          ...response,
          footprint: undefined,
          stale: false,
          states: [],
          history: [],
          heatmap: undefined,
          advice: [],
        }),
      ),
    );
    await renderWithBackend(<SustainabilityContent />);
    expect(await screen.findByText(/footprint is unknown/)).toBeInTheDocument();
    expect(screen.queryByText(/kWh\/day$/)).not.toBeInTheDocument();
    expect(screen.getByText(/No daily snapshots yet/)).toBeInTheDocument();
    expect(screen.getByText(/No scaling schedule found/)).toBeInTheDocument();
  });

  it('says the footprint is not available when the endpoint is missing', async () => {
    server.use(
      http.get(`${ENTITY}/footprint`, () =>
        HttpResponse.json(errorBody('NotFoundError', 'Not found', 404), {
          status: 404,
        }),
      ),
    );
    await renderWithBackend(<SustainabilityContent />);
    expect(
      await screen.findByText(
        'The footprint is not available for this entity.',
      ),
    ).toBeInTheDocument();
  });
});
