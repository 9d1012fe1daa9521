import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { SquadInsightsApi, squadInsightsApiRef } from './api';
import { complianceReviewPage } from './plugin';

// The page itself never asks here: any request comes from the page's loader.
jest.mock('./components/CompliancePortfolioPage', () => ({
  CompliancePortfolioPage: () => <div>Review page rendered</div>,
}));

describe('page:squad-insights/compliance-review', () => {
  it("starts the request of the address's view from its loader, before the page renders", async () => {
    const api = { getPortfolio: jest.fn(() => new Promise(() => {})) };
    renderTestApp({
      extensions: [complianceReviewPage],
      apis: [[squadInsightsApiRef, api as unknown as SquadInsightsApi]],
      initialRouteEntries: [
        '/squad-insights/compliance-review?tribe=group:default/commerce-tribe&page=2',
      ],
    });
    expect(
      await screen.findByText('Review page rendered', undefined, {
        timeout: 15_000,
      }),
    ).toBeInTheDocument();
    expect(api.getPortfolio.mock.calls).toEqual([
      [{ tribe: 'group:default/commerce-tribe', offset: 50, limit: 50 }],
    ]);
  });
});
