import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  EntityComplianceResponse,
  EntityFootprintResponse,
  ServiceProfileResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * The browser's view of the Squad Insights backend.
 *
 * @public
 */
export interface SquadInsightsApi {
  /** Squad-model ownership and declared compliance profile of one entity. */
  getServiceProfile(entityRef: CompoundEntityRef): Promise<ServiceProfileResponse>;
  /** Energy, CO2e, carbon tax and advice of one service, from its stored facts. */
  getFootprint(entityRef: CompoundEntityRef): Promise<EntityFootprintResponse>;
  /** Compliance verdicts with evidence, scores per framework, waivers applied. */
  getCompliance(entityRef: CompoundEntityRef): Promise<EntityComplianceResponse>;
}

/** @public */
export const squadInsightsApiRef = createApiRef<SquadInsightsApi>({
  id: 'plugin.squad-insights.service',
});
