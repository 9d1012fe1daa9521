import { squadInsightsComplianceReadPermission } from '@squad-insights/backstage-plugin-squad-insights-common';
import { createRouter } from '../router';
import { callerCachedPermissions } from '../services/callerCachedPermissions';
import type { createComplianceFeature } from './compliance';
import type { createFactsFeature } from './facts';
import type { createGateFeature } from './gate';
import type { createPortfolioFeature } from './portfolio';
import type { createSustainabilityFeature } from './sustainability';
import type { FeatureContext } from './types';

type Built<F extends (...args: any[]) => Promise<unknown>> = Awaited<
  ReturnType<F>
>;

/**
 * The HTTP API over the features' services (router.ts, typed from openapi.yaml), mounted on
 * the plugin's router; `/health` answers without credentials.
 */
export async function registerHttpApi(
  { deps }: FeatureContext,
  features: {
    facts: Built<typeof createFactsFeature>;
    sustainability: Built<typeof createSustainabilityFeature>;
    compliance: Built<typeof createComplianceFeature>;
    gate: Built<typeof createGateFeature>;
    portfolio: Built<typeof createPortfolioFeature>;
  },
): Promise<void> {
  const { facts, sustainability, compliance, gate, portfolio } = features;
  deps.httpRouter.use(
    await createRouter({
      httpAuth: deps.httpAuth,
      // A service page asks the same read decision once per card: remembered briefly.
      permissions: callerCachedPermissions(deps.permissions, {
        permissionNames: [squadInsightsComplianceReadPermission.name],
      }),
      serviceProfile: compliance.serviceProfile,
      facts: facts.facts,
      footprints: sustainability.footprints,
      groupFootprints: sustainability.groupFootprints,
      sustainabilityReports: sustainability.sustainabilityReports,
      complianceResults: portfolio.complianceResults,
      decisions: compliance.decisions,
      attestations: compliance.attestations,
      waiverRequests: compliance.waiverRequests,
      portfolio: portfolio.portfolio,
      catalogSummaries: portfolio.catalogSummaries,
      gate: gate.gate,
      gateOverrides: gate.gateOverrides,
    }),
  );
  deps.httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
}
