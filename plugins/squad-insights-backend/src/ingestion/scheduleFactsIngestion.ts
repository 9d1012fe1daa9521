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

const TASK_ID = 'squad-insights-facts-ingestion';
/** While the catalog still has nothing to read, pass again this often, this many times. */
const WARM_UP_RETRY_MS = 15_000;
const WARM_UP_RETRIES = 8;

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
  /** Overrides the warm-up retries (tests; `setTimer` lets them see each retry asked for). */
  warmUp?: {
    retryMs: number;
    retries: number;
    setTimer?: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
  };
}) {
  const { config, logger, scheduler, scanner, ingester, signal } = options;
  const warmUp = options.warmUp ?? {
    retryMs: WARM_UP_RETRY_MS,
    retries: WARM_UP_RETRIES,
  };
  // Right after start the catalog may not have processed its locations yet, so the first pass
  // can find nothing to read; without this, the portal would show no facts until the next
  // scheduled pass (minutes). A few quick retries cover the warm-up and then stop, so a
  // catalog that really has no annotated entity costs nothing extra.
  let warmUpRetries = warmUp.retries;
  const retrySoon = () => {
    if (warmUpRetries-- <= 0 || signal?.aborted) return;
    const setTimer =
      warmUp.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
    const timer = setTimer(() => {
      scheduler.triggerTask(TASK_ID).catch(() => {
        // Already running or just ran on another instance: nothing to do.
      });
    }, warmUp.retryMs);
    timer.unref?.();
  };
  await scheduleGlobalTask({
    scheduler,
    config,
    id: TASK_ID,
    configKey: 'squadInsights.facts.schedule',
    defaultSchedule: DEFAULT_SCHEDULE,
    signal,
    fn: async () => {
      const started = Date.now();
      const references = await scanner.scan();
      const scanMs = Date.now() - started;
      if (references.length === 0) retrySoon();
      else warmUpRetries = 0;
      const summary = await ingester.ingest(references);
      const passMs = Date.now() - started;
      // The duration says when the pass began: a pass that outlasts its interval makes the
      // scheduler start the next one right after it, which is catching up, not a second run.
      logger.info(
        `Terraform states: ${summary.read} read, ${summary.unchanged} unchanged, ${summary.failed} failed; pass took ${passMs} ms (catalog scan ${scanMs} ms)`,
      );
    },
  });
}
