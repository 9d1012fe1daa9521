import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows re-reading an entity's Terraform states and Consul view on demand. Reading facts
 * needs only sign-in; forcing reads costs calls against every source, so it is guarded.
 *
 * @public
 */
export const squadInsightsFactsRefreshPermission = createPermission({
  name: 'squad-insights.facts.refresh',
  attributes: { action: 'update' },
});

/** Every permission of Squad Insights, for registration with the permission framework. @public */
export const squadInsightsPermissions = [squadInsightsFactsRefreshPermission];
