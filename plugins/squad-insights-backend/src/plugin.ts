import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { squadInsightsPermissions } from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  ConsulClient,
  createStateSources,
  StateBindingPolicy,
  readConsulClientOptions,
  readIntensityClient,
  readUsageSources,
  TerraformStateReader,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import { ConsulIngester } from './ingestion/ConsulIngester';
import { DatabaseAttestationStore } from './database/DatabaseAttestationStore';
import { DatabaseComplianceStore } from './database/DatabaseComplianceStore';
import { DatabaseComplianceSummaryStore } from './database/DatabaseComplianceSummaryStore';
import { DatabaseFactsStore } from './database/DatabaseFactsStore';
import { DatabaseFootprintStore } from './database/DatabaseFootprintStore';
import { DatabaseGateStore } from './database/DatabaseGateStore';
import { DatabaseWaiverRequestStore } from './database/DatabaseWaiverRequestStore';
import { scheduleFootprintSnapshot } from './ingestion/scheduleFootprintSnapshot';
import { scheduleUsageReads } from './ingestion/scheduleUsageReads';
import { DatabaseUsageStore } from './database/DatabaseUsageStore';
import { UsageService } from './services/UsageService';
import { CatalogScanner } from './ingestion/CatalogScanner';
import { scheduleFactsIngestion } from './ingestion/scheduleFactsIngestion';
import { StateIngester } from './ingestion/StateIngester';
import { createRouter } from './router';
import {
  complianceRecordResourceRef,
  createComplianceRecordLoader,
} from './permissions/resource';
import { complianceRecordRules } from './permissions/rules';
import { AttestationService } from './services/AttestationService';
import { CatalogSummariesService } from './services/CatalogSummariesService';
import { CatalogVisibility } from './services/catalogVisibility';
import { ComplianceDecisionService } from './services/ComplianceDecisionService';
import { CompliancePortfolioService } from './services/CompliancePortfolioService';
import { readComplianceOptions } from './services/compliancePolicy';
import { ComplianceResultsService } from './services/ComplianceResultsService';
import { ComplianceService } from './services/ComplianceService';
import { FactsService } from './services/FactsService';
import { FootprintService } from './services/FootprintService';
import { GateOverrideService } from './services/GateOverrideService';
import { GateService } from './services/GateService';
import { GroupFootprintService } from './services/GroupFootprintService';
import { PortfolioRefreshTriggers } from './services/portfolioRefreshTriggers';
import { schedulePortfolioRefresh } from './services/schedulePortfolioRefresh';
import { authorsInConflict } from './services/separationOfDuties';
import { callerCachedCatalog } from './services/callerCachedCatalog';
import { serviceProfileServiceRef } from './services/ServiceProfileService';
import { CatalogGroupDirectory } from './services/CatalogGroupDirectory';
import { readSustainabilityOptions } from './services/sustainabilityOptions';
import { SustainabilityReportService } from './services/SustainabilityReportService';
import { WaiverRequestService } from './services/WaiverRequestService';

/**
 * The Squad Insights backend plugin: wiring only.
 *
 * @public
 */
export const squadInsightsPlugin = createBackendPlugin({
  pluginId: 'squad-insights',
  register(env) {
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
        const { config, logger } = deps;
        // First: an invalid compliance policy stops the backend before anything is scheduled.
        const complianceOptions = readComplianceOptions(config);
        const reader = TerraformStateReader.create({
          sources: createStateSources(config, { logger }),
        });
        // Fact writes refresh the compliance portfolio rows they change; connected below.
        const portfolioTriggers = new PortfolioRefreshTriggers(logger);
        const store = portfolioTriggers.facts(
          await DatabaseFactsStore.create({ database: deps.database }),
        );
        // After the facts store: both run the same migrations, and sequentially they do not
        // contend for the migration lock.
        const history = await DatabaseFootprintStore.create({
          database: deps.database,
        });
        const ingester = StateIngester.create({ reader, store, logger });
        // Which entity may bind which state or Consul service; a bad template stops the backend.
        const bindings = StateBindingPolicy.fromConfig(config, {
          logger,
          teamMetaKey: complianceOptions.policy.parameters.metaNames?.team,
        });
        const groupDirectory = CatalogGroupDirectory.create({
          catalog: deps.catalog,
          auth: deps.auth,
        });
        const scanner = CatalogScanner.create({
          catalog: deps.catalog,
          auth: deps.auth,
          reader,
          store,
          bindings,
          logger,
        });
        await scheduleFactsIngestion({
          config,
          logger,
          scheduler: deps.scheduler,
          scanner,
          ingester,
        });

        const consulOptions = readConsulClientOptions(config);
        if (consulOptions) {
          const consul = ConsulIngester.create({
            client: ConsulClient.create(consulOptions),
            store,
            logger,
          });
          deps.lifecycle.addStartupHook(() => consul.start());
          deps.lifecycle.addShutdownHook(() => consul.stop());
        }

        // Lists served from the plugin's tables show only what the catalog shows the caller.
        const visibility = CatalogVisibility.create({
          catalog: deps.catalog,
          permissions: deps.permissions,
        });
        // Per-entity routes read the entity and its groups as the caller; a service page asks
        // for the same ones from several cards at once (callerCachedCatalog says why it is safe).
        const pageCatalog = callerCachedCatalog(deps.catalog);
        const facts = FactsService.create({
          visibility,
          consulEnabled: Boolean(consulOptions),
          bindings,
          groups: groupDirectory,
          catalog: pageCatalog,
          reader,
          store,
          ingester,
          staleAfterSeconds:
            (config.getOptionalNumber(
              'squadInsights.facts.staleAfterMinutes',
            ) ?? 15) * 60,
        });

        const sustainabilityOptions = readSustainabilityOptions(config);
        // Measured usage and hourly grid intensity; both off unless configured.
        const usageStore = await DatabaseUsageStore.create({
          database: deps.database,
        });
        const usage = UsageService.create({
          sources: readUsageSources(config),
          intensity: readIntensityClient(config),
          facts,
          store: usageStore,
          logger,
          regions: sustainabilityOptions.allowedRegions,
        });
        await scheduleUsageReads({
          config,
          logger,
          scheduler: deps.scheduler,
          auth: deps.auth,
          store,
          usage,
        });
        const footprints = FootprintService.create({
          catalog: pageCatalog,
          facts,
          history,
          options: sustainabilityOptions,
          usage,
        });
        const groupFootprints = GroupFootprintService.create({
          catalog: deps.catalog,
          footprints,
        });
        await scheduleFootprintSnapshot({
          config,
          logger,
          scheduler: deps.scheduler,
          auth: deps.auth,
          store,
          footprints,
        });

        const complianceStore = await DatabaseComplianceStore.create({
          database: deps.database,
        });
        // Written through the triggers, so an attestation refreshes the stored verdict at once.
        const attestationStore = portfolioTriggers.attestations(
          await DatabaseAttestationStore.create({ database: deps.database }),
        );
        const compliance = ComplianceService.create({
          policy: complianceOptions.policy,
          facts,
          serviceProfile: deps.serviceProfile,
          store: complianceStore,
          attestations: attestationStore,
          groups: groupDirectory,
          // Separation of duties again when a waiver or attestation is applied, not only granted.
          authorsInConflict: complianceOptions.allowSelfWaivers
            ? undefined
            : (entityRef, authors) =>
                authorsInConflict({
                  catalog: deps.catalog,
                  auth: deps.auth,
                  entityRef,
                  authors,
                  scope: complianceOptions.separationOfDutiesScope,
                }),
        });
        const decisions = ComplianceDecisionService.create({
          catalog: deps.catalog,
          auth: deps.auth,
          permissions: deps.permissions,
          auditor: deps.auditor,
          userInfo: deps.userInfo,
          store: portfolioTriggers.decisions(complianceStore),
          compliance,
          allowSelfWaivers: complianceOptions.allowSelfWaivers,
          separationOfDutiesScope: complianceOptions.separationOfDutiesScope,
        });

        const summaries = await DatabaseComplianceSummaryStore.create({
          database: deps.database,
        });
        const gateStore = await DatabaseGateStore.create({
          database: deps.database,
        });
        const portfolio = CompliancePortfolioService.create({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          compliance,
          serviceProfile: deps.serviceProfile,
          decisions: complianceStore,
          facts: store,
          summaries,
          visibility,
          gates: gateStore,
        });
        portfolioTriggers.connect(portfolio);
        await schedulePortfolioRefresh({
          config,
          logger,
          scheduler: deps.scheduler,
          portfolio,
        });

        // Every permission is a resource permission of the compliance record, so a policy can
        // answer with conditions (owner, tribe, framework) that are applied to the record here.
        deps.permissionsRegistry.addResourceType({
          resourceRef: complianceRecordResourceRef,
          permissions: squadInsightsPermissions,
          rules: Object.values(complianceRecordRules),
          getResources: createComplianceRecordLoader({
            catalog: deps.catalog,
            auth: deps.auth,
          }),
        });
        const access = {
          catalog: deps.catalog,
          auth: deps.auth,
          permissions: deps.permissions,
          auditor: deps.auditor,
          userInfo: deps.userInfo,
          policy: complianceOptions.policy,
        };
        deps.httpRouter.use(
          await createRouter({
            gate: GateService.create({
              ...access,
              compliance,
              complianceStore,
              facts,
              store: gateStore,
            }),
            gateOverrides: GateOverrideService.create({
              ...access,
              store: gateStore,
              allowSelfWaivers: complianceOptions.allowSelfWaivers,
              separationOfDutiesScope:
                complianceOptions.separationOfDutiesScope,
            }),
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            serviceProfile: deps.serviceProfile,
            facts,
            footprints,
            groupFootprints,
            complianceResults: ComplianceResultsService.create({
              catalog: deps.catalog,
              compliance,
              portfolio,
              results: summaries,
            }),
            decisions,
            attestations: AttestationService.create({
              catalog: deps.catalog,
              auth: deps.auth,
              permissions: deps.permissions,
              auditor: deps.auditor,
              userInfo: deps.userInfo,
              store: attestationStore,
              policy: complianceOptions.policy,
              compliance,
              allowSelfWaivers: complianceOptions.allowSelfWaivers,
              separationOfDutiesScope:
                complianceOptions.separationOfDutiesScope,
            }),
            portfolio,
            waiverRequests: WaiverRequestService.create({
              catalog: deps.catalog,
              permissions: deps.permissions,
              auditor: deps.auditor,
              store: await DatabaseWaiverRequestStore.create({
                database: deps.database,
              }),
              compliance,
              decisions,
            }),
            catalogSummaries: CatalogSummariesService.create({
              summaries,
              footprints,
              visibility,
              permissions: deps.permissions,
              logger,
            }),
            sustainabilityReports: SustainabilityReportService.create({
              catalog: deps.catalog,
              footprints,
              history,
              intensity: usageStore,
            }),
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
