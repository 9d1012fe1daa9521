import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readCompliancePolicy } from '@squad-insights/backstage-plugin-squad-insights-node';
import { createComplianceProfileAction } from './actions/compliance/complianceProfile';
import { createResolveOwnershipAction } from './actions/ownership/resolveOwnership';

/**
 * Registers the squad template's actions with the scaffolder.
 *
 * @public
 */
export const scaffolderModuleSquad = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'squad',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolderActions, config, catalog }) {
        scaffolderActions.addActions(
          createResolveOwnershipAction({ catalog }),
          // The policy the portal judges services by (default + app-config overrides), so a
          // new service is created with exactly the settings its compliance checks expect.
          createComplianceProfileAction({ policy: readCompliancePolicy(config) }),
        );
      },
    });
  },
});
