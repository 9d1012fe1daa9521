import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readCompliancePolicy } from '@squad-insights/backstage-plugin-squad-insights-node';
import { createComplianceProfileAction } from './actions/compliance/complianceProfile';
import { createGithubGovernanceAction } from './actions/github/governance';
import { createGithubIacPullRequestAction } from './actions/github/iacPullRequest';
import { createGithubPreflightAction } from './actions/github/preflight';
import { createGithubPublishAction } from './actions/github/publish';
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
        const integrations = ScmIntegrations.fromConfig(config);
        scaffolderActions.addActions(
          createResolveOwnershipAction({
            catalog,
            // The name the portal expects in the Organization tag.
            organizationName: config.getOptionalString('organization.name'),
          }),
          // The policy the portal judges services by (default + app-config overrides), so a
          // new service is created with exactly the settings its compliance checks expect.
          createComplianceProfileAction({ policy: readCompliancePolicy(config) }),
          createGithubPreflightAction({ integrations }),
          createGithubPublishAction({ integrations, config }),
          createGithubGovernanceAction({ integrations }),
          createGithubIacPullRequestAction({ integrations }),
        );
      },
    });
  },
});
