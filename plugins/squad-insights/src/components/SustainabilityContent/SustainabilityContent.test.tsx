import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { EntityFootprintResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { SquadInsightsApi, squadInsightsApiRef } from '../../api';
import { SustainabilityContent } from './SustainabilityContent';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payment-processing', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments-squad' },
};

const part = (kwhPerDay: number, co2eKgPerDay: number) => ({ kwhPerDay, co2eKgPerDay });

const response = {
  entityRef: 'component:default/payment-processing',
  criticality: 'medium',
  criticalityDeclared: true,
  stale: true,
  states: [
    {
      reference: 'demo:payment-processing/terraform.tfstate',
      freshness: { stale: true, lastError: 'source demo is down', readAt: '2026-11-25T08:00:00Z' },
    },
  ],
  problems: [],
  advice: [{ kind: 'move-region', summary: 'Moving to eu-west-1 adds CO2e', co2eKgPerMonthSaved: -13.2, kwhPerMonthAffected: 50 }],
  footprint: {
    kwhPerDay: 1.68,
    co2eKgPerDay: 0.228,
    co2eKgPerMonth: 6.94,
    carbonTaxSekPerMonth: 8.68,
    renewableShare: 0.69,
    meetsRenewableThreshold: true,
    coverage: { made: 8, notMade: 11, notMadeShare: 11 / 19 },
    notEstimated: [{ address: 'aws_s3_bucket.data', component: 'storage', reason: 'size not in Terraform state' }],
    breakdown: {
      compute: part(1, 0.01),
      memory: part(0.2, 0.002),
      storage: part(0.48, 0.004),
      network: part(0, 0),
      embodied: part(0, 0.21),
    },
  },
} as unknown as EntityFootprintResponse;

async function render(getFootprint: SquadInsightsApi['getFootprint']) {
  await renderInTestApp(
    <TestApiProvider apis={[[squadInsightsApiRef, { getFootprint } as SquadInsightsApi]]}>
      <EntityProvider entity={entity}>
        <SustainabilityContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('SustainabilityContent', () => {
  it('shows the headline figures, breakdown, gaps, advice and the stale source', async () => {
    await render(jest.fn().mockResolvedValue(response));
    expect(await screen.findByText('1,68 kWh/day')).toBeInTheDocument();
    expect(screen.getByText('8,68 SEK/month')).toBeInTheDocument();
    expect(screen.getByText('69 %')).toBeInTheDocument();
    expect(screen.getByText(/58 % of estimates could not be made/)).toBeInTheDocument();
    expect(screen.getByText('size not in Terraform state')).toBeInTheDocument();
    expect(screen.getByText('Moving to eu-west-1 adds CO2e')).toBeInTheDocument();
    expect(screen.getByText(/source demo is down/)).toBeInTheDocument();
  });

  it('says unknown rather than showing zeros when nothing was read', async () => {
    await render(jest.fn().mockResolvedValue({ ...response, footprint: undefined, stale: false }));
    expect(await screen.findByText(/footprint is unknown/)).toBeInTheDocument();
    expect(screen.queryByText(/kWh\/day/)).not.toBeInTheDocument();
  });
});
