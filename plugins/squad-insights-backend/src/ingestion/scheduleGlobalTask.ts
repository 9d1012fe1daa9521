import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/**
 * Schedules one of the plugin's tasks: its schedule from config at `configKey` (the task's
 * own default when not configured), and always global scope, so that with several backend
 * instances on one database exactly one of them runs each pass.
 */
export async function scheduleGlobalTask(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  id: string;
  configKey: string;
  defaultSchedule: SchedulerServiceTaskScheduleDefinition;
  fn: () => Promise<void>;
  /** Stops this instance's worker (tests; the backend stops it on shutdown). */
  signal?: AbortSignal;
}): Promise<void> {
  const { scheduler, config, configKey } = options;
  const schedule = config.has(configKey)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(configKey),
      )
    : options.defaultSchedule;
  await scheduler.scheduleTask({
    id: options.id,
    ...schedule,
    // After the spread: a schedule read from config carries a `scope` key (undefined when not
    // set, or whatever an operator wrote), which must not turn the task local.
    scope: 'global',
    signal: options.signal,
    fn: options.fn,
  });
}
