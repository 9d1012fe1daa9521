import {
  LoggerService,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { scheduleGlobalTask } from '../ingestion/scheduleGlobalTask';
import type { CompliancePortfolioService } from './CompliancePortfolioService';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  // Hourly: waivers expire and ownership moves without any event, so this bounds how long a
  // row can lag behind; event-driven refreshes cover the rest within seconds.
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  // After the first facts pass (15 s after start), so the first rows have facts to judge.
  initialDelay: { minutes: 1 },
};

/**
 * Schedules the full recomputation of the compliance portfolio. Global scope: with several
 * backend instances on one database, one of them runs each pass.
 */
export async function schedulePortfolioRefresh(options: {
  config: RootConfigService;
  logger: LoggerService;
  scheduler: SchedulerService;
  portfolio: Pick<CompliancePortfolioService, 'refreshAll'>;
}) {
  const { config, logger, scheduler, portfolio } = options;
  await scheduleGlobalTask({
    scheduler,
    config,
    id: 'squad-insights-compliance-portfolio',
    configKey: 'squadInsights.compliance.portfolioSchedule',
    defaultSchedule: DEFAULT_SCHEDULE,
    fn: async () => {
      const result = await portfolio.refreshAll();
      logger.info(
        `Compliance portfolio: ${result.refreshed} refreshed, ${result.removed} removed, ${result.failed.length} failed`,
      );
    },
  });
}
