import type { Config } from '@backstage/config';
import {
  CompliancePolicy,
  defaultPolicy,
  loadPolicy,
  mergePolicy,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The organisation's compliance policy: the shipped default merged with
 * `squadInsights.compliance.policy` (inline) or `squadInsights.compliance.policyFile`.
 *
 * The backend (judging services), the scaffolder (settings of a new service) and anyone else
 * reading the portal's config call this one function, so they all apply the same policy.
 * Throws the loader's `PolicyLoadError` (naming file, line and field) on an invalid override:
 * judging with half a policy would report services compliant against checks nobody meant to drop.
 *
 * @public
 */
export function readCompliancePolicy(config: Config): CompliancePolicy {
  const inline = config.getOptional('squadInsights.compliance.policy');
  const file = config.getOptionalString('squadInsights.compliance.policyFile');
  if (inline !== undefined && file !== undefined) {
    throw new Error(
      'Set only one of squadInsights.compliance.policy and squadInsights.compliance.policyFile',
    );
  }
  // The Organization tag names the organisation Backstage already knows (`organization.name`);
  // a policy that sets `parameters.organization` itself wins over it.
  const organization = config.getOptionalString('organization.name');
  const policy = organization
    ? mergePolicy(defaultPolicy(), { parameters: { organization } })
    : defaultPolicy();
  if (inline !== undefined) {
    return mergePolicy(policy, inline, {
      fileName: 'app-config squadInsights.compliance.policy',
    });
  }
  if (file !== undefined) {
    const path = resolve(file);
    return loadPolicy(readFileSync(path, 'utf8'), {
      fileName: path,
      base: policy,
    });
  }
  return policy;
}
