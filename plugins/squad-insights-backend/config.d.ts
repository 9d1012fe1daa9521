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
    /** Energy, CO2e and carbon tax estimates (see squad-insights-common docs/sustainability-methodology.md). */
    sustainability?: {
      /** Internal carbon price in SEK per kg CO2e. Defaults to 1.25. */
      carbonTaxSekPerKg?: number;
      /** Renewable share (0 to 1) a service's regions must reach to pass. Defaults to 0.5. */
      renewableThreshold?: number;
      /**
       * Local hours (0 to 23) of each green band; every hour must be in exactly one band.
       * Defaults to the Nordic bands: high 22 to 05, medium 06, 07 and 18 to 21, low 08 to 17.
       */
      greenBands?: {
        high: number[];
        medium: number[];
        low: number[];
      };
      /** Regions the move-region advice compares against, e.g. [eu-north-1, eu-west-1]. */
      allowedRegions?: string[];
      /** When the daily footprint snapshot runs. Defaults to every 24 hours, 10 minutes after start. */
      snapshotSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Measured usage that replaces defaults in the estimate. Off unless configured. */
      usage?: {
        /**
         * CloudWatch sources, one per AWS account (or role). Credentials come from the
         * portal's `aws` config (`@backstage/integration-aws-node`) for `accountId`.
         */
        cloudwatch?: Array<{
          /** Names the source in messages and stored figures. */
          id: string;
          /** Region of resources whose Terraform state names none. */
          region: string;
          /** AWS account whose credentials to use; default: the `aws` config's main account. */
          accountId?: string;
          /** Another endpoint for both CloudWatch and CloudWatch Logs (a stand-in, a VPC endpoint). */
          endpoint?: string;
          /** Days of history averaged. Defaults to 7. */
          lookbackDays?: number;
          /** Services (entity names or refs) this source measures; default all. */
          services?: string[];
        }>;
        /** When usage is read. Defaults to every 24 hours, 5 minutes after start. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Sources of a type a backend module added through
         * `squadInsightsUsageSourcesExtensionPoint`: an array of entries under the type's key,
         * each with the fields the module documents.
         */
        [type: string]: unknown;
      };
      /**
       * Hourly grid carbon intensity from an API shaped like Electricity Maps' v3
       * `carbon-intensity/history` and `power-breakdown/history`. Without it the bundled
       * yearly averages are used and labelled.
       */
      intensity?:
        | {
            /** The built-in provider (the default). */
            type?: 'electricity-maps';
            /** API root without the version, e.g. https://api.electricitymap.org */
            baseUrl: string;
            /**
             * Sent as the `auth-token` header.
             * @visibility secret
             */
            token?: string;
            /** Zones to read besides SE1 to SE4 and the zones of the regions in use. */
            zones?: string[];
            /** Per-request timeout. Defaults to 30 000 ms. */
            timeoutMs?: number;
            /** When intensity is read. Defaults to every hour, 1 minute after start. */
            schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
          }
        | {
            /**
             * A provider type a backend module added through
             * `squadInsightsGridIntensityExtensionPoint`; its other fields are the module's.
             */
            type: string;
            /** Zones to read besides SE1 to SE4 and the zones of the regions in use. */
            zones?: string[];
            /** When intensity is read. Defaults to every hour, 1 minute after start. */
            schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
            [field: string]: unknown;
          };
    };
    /**
     * The Squad Insights permission policy (`squadInsightsPermissionPolicyModule`), read only
     * when that module is installed; it then refuses to start without `reviewerGroups`, and on
     * any key not listed here.
     */
    permissions?: {
      /**
       * Group refs (or user refs) whose members review, grant and revoke waivers, approve or
       * reject waiver requests, attest and refresh facts for every service, e.g.
       * `[group:default/compliance-office]`. Matched against the sign-in ownership refs and
       * the catalog groups above them, so members of a sub-team count too.
       */
      reviewerGroups: string[];
      /**
       * Who else may read a service's compliance record: `catalog` (default) - whoever the
       * catalog lets see the service; `tribe` - only its owners and the owning squad's tribe.
       */
      readScope?: 'catalog' | 'tribe';
    };
    /** The compliance policy and who may waive its checks. */
    compliance?: {
      /**
       * An override (`kind: CompliancePolicyOverride`) merged onto the default policy, inline.
       * An invalid override stops the backend from starting. Exclusive with `policyFile`.
       */
      policy?: object;
      /**
       * Path of a YAML or JSON override file merged onto the default policy, relative to the
       * working directory of the backend. An invalid file stops the backend from starting.
       */
      policyFile?: string;
      /**
       * Whether the owners of a service (members of its squad, or the user it names as owner)
       * may waive, attest and review it themselves, as a single-team portal needs. Defaults to
       * false (separation of duties, also re-checked when a waiver or attestation is applied).
       */
      allowSelfWaivers?: boolean;
      /**
       * Who counts as an owner for separation of duties: `squad` (default) - members of the
       * owning group and of the groups nested below it; `tribe` - also everyone in the owning
       * squad's tribe. Membership comes from the user's sign-in ownership refs and the catalog,
       * following `childOf` upwards.
       */
      separationOfDutiesScope?: 'squad' | 'tribe';
      /**
       * When every service's compliance portfolio row is recomputed (rows also follow each new
       * fact, waiver and review). Defaults to hourly, one minute after start.
       */
      portfolioSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
