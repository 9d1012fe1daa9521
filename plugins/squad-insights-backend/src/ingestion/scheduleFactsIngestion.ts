import {
  LoggerService,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { scheduleGlobalTask } from './scheduleGlobalTask';
import type { CatalogScanner } from './CatalogScanner';
import type { StateIngester } from './StateIngester';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

/**
 * Schedules the ingestion pass. Global scope: with several backend instances on one
 * database, the scheduler's lock makes exactly one of them run each pass.
 */
export async function scheduleFactsIngestion(options: {
  config: RootConfigService;
  logger: LoggerService;
  scheduler: SchedulerService;
  scanner: CatalogScanner;
  ingester: StateIngester;
  /** Stops this instance's worker (tests; the backend stops it on shutdown). */
  signal?: AbortSignal;
}) {
  const { config, logger, scheduler, scanner, ingester, signal } = options;
  await scheduleGlobalTask({
    scheduler,
    config,
    id: 'squad-insights-facts-ingestion',
    configKey: 'squadInsights.facts.schedule',
    defaultSchedule: DEFAULT_SCHEDULE,
    signal,
    fn: async () => {
      const references = await scanner.scan();
      const summary = await ingester.ingest(references);
      logger.info(
        `Terraform states: ${summary.read} read, ${summary.unchanged} unchanged, ${summary.failed} failed`,
      );
    },
  });
}
