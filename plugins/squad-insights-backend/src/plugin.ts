import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { squadInsightsComplianceReadPermission } from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  squadInsightsGridIntensityExtensionPoint,
  squadInsightsStateSourcesExtensionPoint,
  squadInsightsUsageSourcesExtensionPoint,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import { migrateOnce } from './database/migrateOnce';
import { DomainEvents } from './events/DomainEvents';
import type { SquadInsightsEvents } from './events/SquadInsightsEvents';
import { createComplianceFeature } from './features/compliance';
import { createFactsFeature } from './features/facts';
import { createGateFeature } from './features/gate';
import { registerPermissions } from './features/permissions';
import { createPortfolioFeature } from './features/portfolio';
import { createSourceExtensions } from './features/sourceExtensions';
import { createSustainabilityFeature } from './features/sustainability';
import { createRouter } from './router';
import { callerCachedPermissions } from './services/callerCachedPermissions';
import { readComplianceOptions } from './services/compliancePolicy';
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
    env.registerExtensionPoint(
      squadInsightsStateSourcesExtensionPoint,
      sources.stateSources,
    );
    env.registerExtensionPoint(
      squadInsightsUsageSourcesExtensionPoint,
      sources.usageSources,
    );
    env.registerExtensionPoint(
      squadInsightsGridIntensityExtensionPoint,
      sources.gridIntensity,
    );
    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
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
        const context = {
          deps,
          // First: an invalid compliance policy stops the backend before anything is scheduled.
          complianceOptions: readComplianceOptions(deps.config),
          // The stores share one migrated client instead of each running the migrations.
          database: await migrateOnce(deps.database),
          // Writes are published here; the portfolio refresh subscribes (see features/portfolio).
          events: new DomainEvents<SquadInsightsEvents>(deps.logger),
        };
        const facts = await createFactsFeature(
          context,
          sources.stateSourceFactories,
        );
        const sustainability = await createSustainabilityFeature(
          context,
          facts,
          {
            usageSources: sources.usageSourceFactories,
            gridIntensity: sources.gridIntensityFactories,
          },
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

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            // A service page asks the same read decision once per card: remembered briefly.
            permissions: callerCachedPermissions(deps.permissions, {
              permissionNames: [squadInsightsComplianceReadPermission.name],
            }),
            serviceProfile: compliance.serviceProfile,
            facts: facts.facts,
            footprints: sustainability.footprints,
            groupFootprints: sustainability.groupFootprints,
            sustainabilityReports: sustainability.sustainabilityReports,
            complianceResults: portfolio.complianceResults,
            decisions: compliance.decisions,
            attestations: compliance.attestations,
            waiverRequests: compliance.waiverRequests,
            portfolio: portfolio.portfolio,
            catalogSummaries: portfolio.catalogSummaries,
            gate: gate.gate,
            gateOverrides: gate.gateOverrides,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
