import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { SquadInsightsPermissionPolicy } from './policy';
import { CATALOG_CHANGES_TOPIC } from '../events/catalogChangesTopic';
import { catalogGroupsAbove } from './reviewerAncestry';

/**
 * Installs {@link SquadInsightsPermissionPolicy} as the portal's permission policy, in place
 * of allow-all. Configured by `squadInsights.permissions`; an invalid or missing configuration
 * stops the backend at startup.
 *
 * @public
 */
export const squadInsightsPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'squad-insights-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        events: eventsServiceRef,
      },
      async init({ policy, config, catalog, auth, events }) {
        // Reviewer groups count their sub-teams' members too, read from the catalog, and
        // read again once the plugin's catalog scan has seen groups or users change.
        const groupsAbove = catalogGroupsAbove({ catalog, auth });
        await events.subscribe({
          id: 'squad-insights-policy-group-ancestry',
          topics: [CATALOG_CHANGES_TOPIC],
          onEvent: async () => groupsAbove.clear(),
        });
        policy.setPolicy(
          SquadInsightsPermissionPolicy.fromConfig(config, groupsAbove),
        );
      },
    });
  },
});
