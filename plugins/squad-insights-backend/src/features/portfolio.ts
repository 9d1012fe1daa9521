import { DatabaseComplianceSummaryStore } from '../database/DatabaseComplianceSummaryStore';
import { refreshPortfolioOnEvents } from '../events/refreshPortfolioOnEvents';
import { BulkPortfolioRefresh } from '../services/bulkEvaluation';
import { CatalogSummariesService } from '../services/CatalogSummariesService';
import { CompliancePortfolioService } from '../services/CompliancePortfolioService';
import { ComplianceResultsService } from '../services/ComplianceResultsService';
import { schedulePortfolioRefresh } from '../services/schedulePortfolioRefresh';
import type { createComplianceFeature } from './compliance';
import type { createFactsFeature } from './facts';
import type { createGateFeature } from './gate';
import type { createSustainabilityFeature } from './sustainability';
import type { FeatureContext } from './types';

/**
 * The compliance portfolio: one stored row (and result) per service, refreshed by the events
 * that change a verdict and recomputed in full on a schedule; the catalog's summary columns.
 */
export async function createPortfolioFeature(
  { deps, database, events }: FeatureContext,
  { store, visibility }: Awaited<ReturnType<typeof createFactsFeature>>,
  {
    compliance,
    serviceProfile,
    evaluatorOver,
    complianceStore,
    attestationStore,
  }: Awaited<ReturnType<typeof createComplianceFeature>>,
  { gateStore }: Awaited<ReturnType<typeof createGateFeature>>,
  { footprints }: Awaited<ReturnType<typeof createSustainabilityFeature>>,
) {
  const { config, logger } = deps;
  const summaries = await DatabaseComplianceSummaryStore.create({ database });
  const portfolio = CompliancePortfolioService.create({
    catalog: deps.catalog,
    auth: deps.auth,
    logger,
    compliance,
    serviceProfile,
    decisions: complianceStore,
    facts: store,
    summaries,
    visibility,
    gates: gateStore,
    // The full pass, and services the catalog scanner saw appear, read and judge in bulk.
    bulk: BulkPortfolioRefresh.create({
      catalog: deps.catalog,
      auth: deps.auth,
      logger,
      facts: store,
      decisions: complianceStore,
      attestations: attestationStore,
      summaries,
      evaluatorOver,
    }),
  });
  // Events published before this point (none in practice: the schedules start later) were
  // kept by the bus and are handled now; not awaited, so a slow catalog cannot hold startup.
  void refreshPortfolioOnEvents({ events, portfolio, logger });
  await schedulePortfolioRefresh({
    config,
    logger,
    scheduler: deps.scheduler,
    portfolio,
  });
  return {
    portfolio,
    complianceResults: ComplianceResultsService.create({
      catalog: deps.catalog,
      compliance,
      portfolio,
      results: summaries,
    }),
    catalogSummaries: CatalogSummariesService.create({
      summaries,
      footprints,
      visibility,
      permissions: deps.permissions,
      logger,
    }),
  };
}
