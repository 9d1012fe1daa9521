import { migrateOnce } from '../database/migrateOnce';
import { DomainEvents } from '../events/DomainEvents';
import type { SquadInsightsEvents } from '../events/SquadInsightsEvents';
import { readComplianceOptions } from '../services/compliancePolicy';
import type { FeatureContext, PluginDeps } from './types';

/** What every feature is built from, made once at init. */
export async function createFeatureContext(
  deps: PluginDeps,
): Promise<FeatureContext> {
  return {
    deps,
    // First: an invalid compliance policy stops the backend before anything is scheduled.
    complianceOptions: readComplianceOptions(deps.config),
    // The stores share one migrated client instead of each running the migrations.
    database: await migrateOnce(deps.database),
    // Writes are published here; the portfolio refresh subscribes (see features/portfolio).
    events: new DomainEvents<SquadInsightsEvents>(deps.logger),
  };
}
