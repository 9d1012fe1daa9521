import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createDeriveComplianceAction } from './actions/deriveCompliance';

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
      deps: { scaffolderActions: scaffolderActionsExtensionPoint },
      async init({ scaffolderActions }) {
        scaffolderActions.addActions(createDeriveComplianceAction());
      },
    });
  },
});
