import type { RootConfigService } from '@backstage/backend-plugin-api';
import type { CompliancePolicy } from '@squad-insights/backstage-plugin-squad-insights-common';
import { InputError } from '@backstage/errors';
import { readCompliancePolicy } from '@squad-insights/backstage-plugin-squad-insights-node';
import type { SeparationOfDutiesScope } from './separationOfDuties';

const SCOPES: readonly SeparationOfDutiesScope[] = ['squad', 'tribe'];

/** Compliance settings of the plugin. @public */
export interface ComplianceOptions {
  policy: CompliancePolicy;
  /** Whether members of the owning squad may waive checks of their own service. */
  allowSelfWaivers: boolean;
  /** Whose members count as owners when self waivers are not allowed. */
  separationOfDutiesScope: SeparationOfDutiesScope;
}

/**
 * Reads the policy (see `readCompliancePolicy` in `-node`, shared with the scaffolder module)
 * and the waiver settings. An invalid policy override throws, so the backend does not start.
 *
 * @public
 */
export function readComplianceOptions(
  config: RootConfigService,
): ComplianceOptions {
  const key = 'squadInsights.compliance.separationOfDutiesScope';
  const scope = config.getOptionalString(key) ?? 'squad';
  if (!SCOPES.includes(scope as SeparationOfDutiesScope)) {
    throw new InputError(
      `Invalid ${key} ${JSON.stringify(
        scope,
      )} in app-config: expected one of ${SCOPES.join(', ')}`,
    );
  }
  return {
    separationOfDutiesScope: scope as SeparationOfDutiesScope,
    policy: readCompliancePolicy(config),
    allowSelfWaivers:
      config.getOptionalBoolean('squadInsights.compliance.allowSelfWaivers') ??
      false,
  };
}
