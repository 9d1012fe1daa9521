import type { RootConfigService } from '@backstage/backend-plugin-api';
import {
  CompliancePolicy,
  defaultPolicy,
  loadPolicy,
  mergePolicy,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Compliance settings of the plugin. @public */
export interface ComplianceOptions {
  policy: CompliancePolicy;
  /** Whether members of the owning squad may waive checks of their own service. */
  allowSelfWaivers: boolean;
}

/**
 * Reads the policy (the default merged with `squadInsights.compliance.policy` or
 * `squadInsights.compliance.policyFile`) and the waiver settings. Throws the loader's
 * `PolicyLoadError` on an invalid override: judging services with half a policy would report
 * them compliant against checks nobody meant to drop, so the backend must not start.
 *
 * @public
 */
export function readComplianceOptions(config: RootConfigService): ComplianceOptions {
  const inline = config.getOptional('squadInsights.compliance.policy');
  const file = config.getOptionalString('squadInsights.compliance.policyFile');
  let policy = defaultPolicy();
  if (inline !== undefined && file !== undefined) {
    throw new Error(
      'Set only one of squadInsights.compliance.policy and squadInsights.compliance.policyFile',
    );
  }
  if (inline !== undefined) {
    policy = mergePolicy(policy, inline, { fileName: 'app-config squadInsights.compliance.policy' });
  } else if (file !== undefined) {
    const path = resolve(file);
    policy = loadPolicy(readFileSync(path, 'utf8'), { fileName: path, base: policy });
  }
  return {
    policy,
    allowSelfWaivers:
      config.getOptionalBoolean('squadInsights.compliance.allowSelfWaivers') ?? false,
  };
}
