import { coreApis, coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderTestApp,
} from '@backstage/frontend-test-utils';
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

  // The app creates its extensions right after sign-in, long before the page's route renders.
  describe('as the app creates the page', () => {
    const create = (location: string, config?: { path?: string }) => {
      const api = { getPortfolio: jest.fn(() => new Promise(() => {})) };
      createExtensionTester(complianceReviewPage, {
        config,
        apis: [
          [squadInsightsApiRef, api as unknown as SquadInsightsApi],
          [
            coreApis.appHistory,
            mockApis.appHistory({ initialLocation: location }),
          ],
        ],
      }).get(coreExtensionData.routePath);
      return api.getPortfolio.mock.calls;
    };

    it('starts the request of the view when the app opens on the page', () => {
      expect(
        create('/squad-insights/compliance-review?status=failing'),
      ).toEqual([[{ status: 'failing', offset: 0, limit: 50 }]]);
    });

    it('asks nothing when the app opens on another page', () => {
      expect(create('/catalog?status=failing')).toEqual([]);
      expect(create('/squad-insights/compliance-review-old')).toEqual([]);
    });

    it('follows the path the app configures for the page', () => {
      expect(create('/review/', { path: '/review' })).toEqual([
        [{ offset: 0, limit: 50 }],
      ]);
      expect(
        create('/squad-insights/compliance-review', { path: '/review' }),
      ).toEqual([]);
    });
  });
});
