import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { SquadInsightsPermissionPolicy } from './policy';

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
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(SquadInsightsPermissionPolicy.fromConfig(config));
      },
    });
  },
});
