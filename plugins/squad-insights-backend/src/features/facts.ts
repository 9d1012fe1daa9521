import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  ConsulClient,
  createStateSources,
  readConsulClientOptions,
  StateBindingPolicy,
  StateSourceFactoryRegistry,
  TerraformStateReader,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import { DatabaseComplianceSummaryStore } from '../database/DatabaseComplianceSummaryStore';
import { DatabaseFactsStore } from '../database/DatabaseFactsStore';
import { announceCatalogChanges } from '../events/catalogChangesTopic';
import { clearOnCatalogChanges } from '../events/clearOnCatalogChanges';
import { factsStoreWithEvents } from '../events/publishingStores';
import { CatalogScanner } from '../ingestion/CatalogScanner';
import { ConsulIngester } from '../ingestion/ConsulIngester';
import { scheduleFactsIngestion } from '../ingestion/scheduleFactsIngestion';
import { StateIngester } from '../ingestion/StateIngester';
import { callerCachedCatalog } from '../services/callerCachedCatalog';
import { callerCachedPermissions } from '../services/callerCachedPermissions';
import { CatalogGroupDirectory } from '../services/CatalogGroupDirectory';
import { CatalogVisibility } from '../services/catalogVisibility';
import { FactsService } from '../services/FactsService';
import type { FeatureContext } from './types';

/**
 * Facts: Terraform states from the configured sources and Consul's view, read on a schedule
 * and on demand, bound to catalog entities by the operator's binding rules.
 */
export async function createFactsFeature(
  { deps, database, events, complianceOptions }: FeatureContext,
  {
    stateSourceFactories,
  }: { stateSourceFactories: StateSourceFactoryRegistry },
) {
  const { config, logger } = deps;
  const reader = TerraformStateReader.create({
    sources: createStateSources(config, {
      logger,
      registry: stateSourceFactories,
    }),
  });
  // Fact writes are published, so the compliance portfolio can refresh the rows they change.
  const store = factsStoreWithEvents(
    await DatabaseFactsStore.create({ database }),
    events,
  );
  const ingester = StateIngester.create({ reader, store, logger });
  // Which entity may bind which state or Consul service; a bad template stops the backend.
  const bindings = StateBindingPolicy.fromConfig(config, {
    logger,
    teamMetaKey: complianceOptions.policy.parameters.metaNames?.team,
  });
  // The scanner announces services, groups and users that changed; cached lookups go then.
  const clearOn = clearOnCatalogChanges(events);
  const groupDirectory = CatalogGroupDirectory.create({
    catalog: deps.catalog,
    auth: deps.auth,
  });
  clearOn(() => groupDirectory.clear());
  // Caches in other plugins (the permission policy's reviewer ancestry) hear of it too.
  clearOn(
    announceCatalogChanges(deps.events, error =>
      logger.warn(`Could not announce catalog changes: ${error}`),
    ),
  );
  const scanner = CatalogScanner.create({
    catalog: deps.catalog,
    auth: deps.auth,
    reader,
    store,
    bindings,
    logger,
    // Each pass announces services added to and removed from the catalog; the portfolio
    // follows (features/portfolio.ts). The first pass compares with the portfolio's rows.
    events,
    knownServices: async () =>
      (
        await DatabaseComplianceSummaryStore.create({ database })
      ).listEntityRefs(),
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
    // Each list request asks the catalog's read decision first: remembered briefly.
    permissions: callerCachedPermissions(deps.permissions, {
      permissionNames: [catalogEntityReadPermission.name],
    }),
  });
  // Per-entity routes read the entity and its groups as the caller; a service page asks
  // for the same ones from several cards at once (callerCachedCatalog says why it is safe).
  const pageCatalog = callerCachedCatalog(deps.catalog, {
    clearOn,
  });
  // Also built over the portfolio's bulk reads (bulkEvaluation.ts): the same options, so the
  // same facts.
  const factsOver = (over: {
    catalog: typeof deps.catalog;
    store: typeof store;
  }) =>
    FactsService.create({
      visibility,
      consulEnabled: Boolean(consulOptions),
      bindings,
      groups: groupDirectory,
      catalog: over.catalog,
      reader,
      store: over.store,
      ingester,
      staleAfterSeconds:
        (config.getOptionalNumber('squadInsights.facts.staleAfterMinutes') ??
          15) * 60,
    });
  const facts = factsOver({ catalog: pageCatalog, store });
  return {
    facts,
    factsOver,
    store,
    groupDirectory,
    visibility,
    pageCatalog,
    scanner,
  };
}
