import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  squadInsights?: {
    facts?: {
      /**
       * How often the facts are brought up to date from the Terraform state sources.
       * Defaults to every 5 minutes.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Facts not confirmed by their source for this many minutes are reported as stale.
       * Defaults to 15.
       */
      staleAfterMinutes?: number;
    };
  };
}
