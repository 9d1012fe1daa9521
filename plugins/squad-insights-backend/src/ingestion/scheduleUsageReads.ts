import type {
  AuthService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { FactsStore } from '../database/FactsStore';
import type { UsageService } from '../services/UsageService';
import { scheduleGlobalTask } from './scheduleGlobalTask';

const PAGE = 200;

/**
 * Schedules the daily usage read (CloudWatch) and the hourly grid-intensity read, each a
 * global task, each only when its source is configured. Usage is daily because the
 * figures are daily averages; intensity is hourly because the history endpoint answers
 * the last 24 hours and the store builds the week from the hours it keeps.
 */
export async function scheduleUsageReads(options: {
  config: RootConfigService;
  logger: LoggerService;
  scheduler: SchedulerService;
  auth: AuthService;
  store: Pick<FactsStore, 'listEntities'>;
  usage: Pick<
    UsageService,
    'readUsage' | 'readIntensity' | 'measuresUsage' | 'readsIntensity'
  >;
}) {
  const { config, logger, scheduler, auth, store, usage } = options;
  if (usage.measuresUsage) {
    await scheduleGlobalTask({
      scheduler,
      config,
      id: 'squad-insights-usage-read',
      configKey: 'squadInsights.sustainability.usage.schedule',
      defaultSchedule: {
        frequency: { hours: 24 },
        timeout: { minutes: 30 },
        // After the first facts pass (15 s after start) has read the states.
        initialDelay: { minutes: 5 },
      },
      fn: async () => {
        const credentials = await auth.getOwnServiceCredentials();
        const totals = { read: 0, stale: 0, skipped: 0 };
        for (let offset = 0; ; offset += PAGE) {
          const page = await store.listEntities({ offset, limit: PAGE });
          const r = await usage.readUsage(
            page.items.map(i => i.entityRef),
            { credentials },
          );
          totals.read += r.read;
          totals.stale += r.stale;
          totals.skipped += r.skipped;
          if (offset + PAGE >= page.totalCount) break;
        }
        logger.info(
          `Usage read: ${totals.read} read, ${totals.stale} stale, ${totals.skipped} without targets`,
        );
      },
    });
  }
  if (usage.readsIntensity) {
    await scheduleGlobalTask({
      scheduler,
      config,
      id: 'squad-insights-intensity-read',
      configKey: 'squadInsights.sustainability.intensity.schedule',
      defaultSchedule: {
        frequency: { hours: 1 },
        timeout: { minutes: 10 },
        initialDelay: { minutes: 1 },
      },
      fn: async () => {
        const r = await usage.readIntensity();
        logger.info(
          `Grid intensity read: ${r.read} zones read, ${r.stale} stale`,
        );
      },
    });
  }
}
