import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { SquadInsightsPermissionPolicy } from './policy';
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
      },
      async init({ policy, config, catalog, auth }) {
        // Reviewer groups count their sub-teams' members too, read from the catalog.
        const groupsAbove = catalogGroupsAbove({ catalog, auth });
        policy.setPolicy(
          SquadInsightsPermissionPolicy.fromConfig(config, groupsAbove),
        );
      },
    });
  },
});
