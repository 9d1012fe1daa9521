import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import type { ServiceProfileResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { SquadInsightsApi, squadInsightsApiRef } from '../../api';
import { SquadProfileCard } from './SquadProfileCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payment-processing', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments-squad' },
};

const response: ServiceProfileResponse = {
  entityRef: 'component:default/payment-processing',
  profile: {
    businessCapability: 'Payments',
    dataClassification: 'financial',
    complianceRequirements: ['GDPR', 'PCI_DSS', 'Svenska_Betaltjänstlagen'],
    terraformStates: [],
    recordRetentionYears: 7,
  },
  problems: [
    { annotation: 'squad-insights.io/compliance-requirements', message: 'unknown compliance requirement "HIPAA"' },
  ],
  ownership: {
    squad: { entityRef: 'group:default/payments-squad', title: 'Payments Squad', type: 'squad' },
    tribe: { entityRef: 'group:default/commerce-tribe', title: 'Commerce', type: 'tribe' },
  },
};

function render(api: Partial<SquadInsightsApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[squadInsightsApiRef, api as SquadInsightsApi]]}>
      <EntityProvider entity={entity}>
        <SquadProfileCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('SquadProfileCard', () => {
  it('shows squad, tribe, compliance and the annotation problems', async () => {
    const getServiceProfile = jest.fn().mockResolvedValue(response);
    await render({ getServiceProfile });

    expect(await screen.findByText('Payments Squad')).toBeInTheDocument();
    expect(screen.getByText('Commerce')).toBeInTheDocument();
    expect(screen.getByText('Svenska_Betaltjänstlagen')).toBeInTheDocument();
    expect(screen.getByText('7 years')).toBeInTheDocument();
    expect(screen.getByText(/unknown compliance requirement "HIPAA"/)).toBeInTheDocument();
    expect(getServiceProfile).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payment-processing',
    });
  });

  it('shows the backend error instead of an empty card', async () => {
    await render({ getServiceProfile: jest.fn().mockRejectedValue(new Error('backend down')) });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(0);
    expect(screen.queryByText('Squad')).not.toBeInTheDocument();
  });
});
