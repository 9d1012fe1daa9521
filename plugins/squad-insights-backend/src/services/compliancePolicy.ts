import type { RootConfigService } from '@backstage/backend-plugin-api';
import type { CompliancePolicy } from '@squad-insights/backstage-plugin-squad-insights-common';
import { readCompliancePolicy } from '@squad-insights/backstage-plugin-squad-insights-node';

/** Compliance settings of the plugin. @public */
export interface ComplianceOptions {
  policy: CompliancePolicy;
  /** Whether members of the owning squad may waive checks of their own service. */
  allowSelfWaivers: boolean;
}

/**
 * Reads the policy (see `readCompliancePolicy` in `-node`, shared with the scaffolder module)
 * and the waiver settings. An invalid policy override throws, so the backend does not start.
 *
 * @public
 */
export function readComplianceOptions(config: RootConfigService): ComplianceOptions {
  return {
    policy: readCompliancePolicy(config),
    allowSelfWaivers:
      config.getOptionalBoolean('squadInsights.compliance.allowSelfWaivers') ?? false,
  };
}
