import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderTemplatingExtensionPoint } from '@backstage/plugin-scaffolder-node/alpha';
import { readCompliancePolicy } from '@squad-insights/backstage-plugin-squad-insights-node';
import { createComplianceProfileAction } from './actions/compliance/complianceProfile';
import { createGithubIacPullRequestAction } from './actions/github/iacPullRequest';
import { createGithubPreflightAction } from './actions/github/preflight';
import { createGithubVerifyGovernanceAction } from './actions/github/verifyGovernance';
import { createResolveOwnershipAction } from './actions/ownership/resolveOwnership';
import { githubTopicsFilter } from './templating/githubTopics';

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
        templating: scaffolderTemplatingExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolderActions, templating, config, catalog }) {
        const integrations = ScmIntegrations.fromConfig(config);
        scaffolderActions.addActions(
          createResolveOwnershipAction({
            catalog,
            // The name the portal expects in the Organization tag.
            organizationName: config.getOptionalString('organization.name'),
          }),
          // The policy the portal judges services by (default + app-config overrides), so a
          // new service is created with exactly the settings its compliance checks expect.
          createComplianceProfileAction({
            policy: readCompliancePolicy(config),
          }),
          // Repositories are created by the built-in publish:github; these do what it cannot
          // (see the README's table).
          createGithubPreflightAction({ integrations }),
          createGithubVerifyGovernanceAction({ integrations }),
          createGithubIacPullRequestAction({ integrations }),
        );
        templating.addTemplateFilters([githubTopicsFilter]);
      },
    });
  },
});
