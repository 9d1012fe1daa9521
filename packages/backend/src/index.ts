/*
 * The Squad Insights portal backend: a stock Backstage backend plus the
 * squad-insights plugins. Everything here is wiring; behaviour lives in the plugins.
 */
import { createBackend } from '@backstage/backend-defaults';
import { squadInsightsPermissionPolicyModule } from '@squad-insights/backstage-plugin-squad-insights-backend';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// scaffolder, with GitHub publishing and the squad template actions
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));

// auth: guest sign-in on the embedded defaults, GitHub in production
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permissions: the Squad Insights policy (squadInsights.permissions) in every environment;
// reviewers decide everywhere, squads within their tribe, other plugins' permissions stay allowed
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(squadInsightsPermissionPolicyModule);

// search over the catalog (in-memory Lunr engine)
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// user settings (stars, preferences), pushed to the browser through signals
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@squad-insights/backstage-plugin-squad-insights-backend'));
backend.add(
  import('@squad-insights/backstage-plugin-scaffolder-backend-module-squad'),
);
backend.start();
