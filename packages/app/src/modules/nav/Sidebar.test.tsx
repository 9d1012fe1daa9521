import { renderTestApp } from '@backstage/frontend-test-utils';
import squadInsightsPlugin from '@squad-insights/backstage-plugin-squad-insights';
import { screen } from '@testing-library/react';
import { navModule } from './index';

describe('sidebar', () => {
  it('links to the Compliance review page of Squad Insights', async () => {
    renderTestApp({
      features: [squadInsightsPlugin, navModule],
      initialRouteEntries: ['/'],
    });
    const link = await screen.findByRole('link', { name: /Compliance review/ });
    expect(link).toHaveAttribute('href', '/squad-insights/compliance-review');
  });
});
