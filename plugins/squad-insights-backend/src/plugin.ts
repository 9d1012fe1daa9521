import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { createComplianceFeature } from './features/compliance';
import { createFeatureContext } from './features/context';
import { createFactsFeature } from './features/facts';
import { createGateFeature } from './features/gate';
import { registerHttpApi } from './features/httpApi';
import { registerPermissions } from './features/permissions';
import { createPortfolioFeature } from './features/portfolio';
import { createSourceExtensions } from './features/sourceExtensions';
import { createSustainabilityFeature } from './features/sustainability';
import { serviceProfileServiceRef } from './services/ServiceProfileService';

/**
 * The Squad Insights backend plugin: wiring only. Each feature is built in `src/features`;
 * modules add state source, usage source and grid-intensity types through the extension
 * points of the -node package.
 *
 * @public
 */
export const squadInsightsPlugin = createBackendPlugin({
  pluginId: 'squad-insights',
  register(env) {
    const sources = createSourceExtensions();
    sources.registerWith(env);
    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        events: eventsServiceRef,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        serviceProfile: serviceProfileServiceRef,
        userInfo: coreServices.userInfo,
      },
      async init(deps) {
        const context = await createFeatureContext(deps);
        const facts = await createFactsFeature(context, sources);
        const sustainability = await createSustainabilityFeature(
          context,
          facts,
          sources,
        );
        const compliance = await createComplianceFeature(context, facts);
        const gate = await createGateFeature(context, facts, compliance);
        const portfolio = await createPortfolioFeature(
          context,
          facts,
          compliance,
          gate,
          sustainability,
        );
        registerPermissions(deps);
        await registerHttpApi(context, {
          facts,
          sustainability,
          compliance,
          gate,
          portfolio,
        });
      },
    });
  },
});
