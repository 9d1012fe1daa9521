import {
  AuthService,
  LoggerService,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { scheduleGlobalTask } from './scheduleGlobalTask';
import type { FactsStore } from '../database/FactsStore';
import type { FootprintService } from '../services/FootprintService';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 24 },
  timeout: { minutes: 30 },
  // Late enough for the first facts pass (15 s after start) to have read the states.
  initialDelay: { minutes: 10 },
};

const PAGE = 200;

/**
 * Schedules the daily footprint snapshot of every service with facts. A separate task from
 * the facts pass: that one runs every few minutes, the history needs one row a day. Global
 * scope, so one backend instance writes it; a second run on the same day overwrites.
 */
export async function scheduleFootprintSnapshot(options: {
  config: RootConfigService;
  logger: LoggerService;
  scheduler: SchedulerService;
  auth: AuthService;
  store: Pick<FactsStore, 'listEntities'>;
  footprints: Pick<FootprintService, 'snapshot'>;
}) {
  const { config, logger, scheduler, auth, store, footprints } = options;
  await scheduleGlobalTask({
    scheduler,
    config,
    id: 'squad-insights-footprint-snapshot',
    configKey: 'squadInsights.sustainability.snapshotSchedule',
    defaultSchedule: DEFAULT_SCHEDULE,
    fn: async () => {
      const credentials = await auth.getOwnServiceCredentials();
      const totals = { written: 0, unknown: 0, failed: 0 };
      for (let offset = 0; ; offset += PAGE) {
        const page = await store.listEntities({ offset, limit: PAGE });
        const result = await footprints.snapshot(
          page.items.map(i => i.entityRef),
          { credentials },
        );
        totals.written += result.written;
        totals.unknown += result.unknown;
        totals.failed += result.failed.length;
        result.failed.forEach(f =>
          logger.warn(`Footprint snapshot failed for ${f}`),
        );
        if (offset + PAGE >= page.totalCount) break;
      }
      logger.info(
        `Footprint snapshot: ${totals.written} written, ${totals.unknown} unknown, ${totals.failed} failed`,
      );
    },
  });
}
