import {
  GridIntensityProviderFactory,
  readIntensityClient,
  readUsageSources,
  UsageSourceFactory,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import { DatabaseFootprintStore } from '../database/DatabaseFootprintStore';
import { DatabaseUsageStore } from '../database/DatabaseUsageStore';
import { scheduleFootprintSnapshot } from '../ingestion/scheduleFootprintSnapshot';
import { scheduleUsageReads } from '../ingestion/scheduleUsageReads';
import { FootprintService } from '../services/FootprintService';
import { GroupFootprintService } from '../services/GroupFootprintService';
import { readSustainabilityOptions } from '../services/sustainabilityOptions';
import { SustainabilityReportService } from '../services/SustainabilityReportService';
import { UsageService } from '../services/UsageService';
import type { FeatureContext } from './types';
import type { createFactsFeature } from './facts';

/**
 * Sustainability: footprints estimated from the facts, refined by measured usage and hourly
 * grid intensity when configured, with a daily snapshot for history and monthly reports.
 */
export async function createSustainabilityFeature(
  { deps, database }: FeatureContext,
  { facts, store, pageCatalog }: Awaited<ReturnType<typeof createFactsFeature>>,
  factories: {
    usageSourceFactories: UsageSourceFactory[];
    gridIntensityFactories: GridIntensityProviderFactory[];
  },
) {
  const { config, logger } = deps;
  const options = readSustainabilityOptions(config);
  const history = await DatabaseFootprintStore.create({ database });
  // Measured usage and hourly grid intensity; both off unless configured.
  const usageStore = await DatabaseUsageStore.create({ database });
  const usage = UsageService.create({
    sources: readUsageSources(config, {
      factories: factories.usageSourceFactories,
      logger,
    }),
    intensity: readIntensityClient(config, {
      factories: factories.gridIntensityFactories,
      logger,
    }),
    facts,
    store: usageStore,
    logger,
    regions: options.allowedRegions,
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
    options,
    usage,
  });
  await scheduleFootprintSnapshot({
    config,
    logger,
    scheduler: deps.scheduler,
    auth: deps.auth,
    store,
    footprints,
  });
  return {
    footprints,
    groupFootprints: GroupFootprintService.create({
      catalog: deps.catalog,
      footprints,
    }),
    sustainabilityReports: SustainabilityReportService.create({
      catalog: deps.catalog,
      footprints,
      history,
      intensity: usageStore,
    }),
  };
}
