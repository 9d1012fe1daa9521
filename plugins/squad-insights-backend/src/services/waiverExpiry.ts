import { InputError } from '@backstage/errors';
import {
  type CompliancePolicy,
  latestWaiverExpiry,
  waiverMaxDays,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * The check and expiry of a waiver asked for at `now`, or an InputError naming the field: an
 * expiry that is not a date, not in the future or beyond the policy's `waiverMaxDays`
 * (`criticalWaiverMaxDays` for a critical check), or a check the policy does not have. Shared
 * by granting and requesting, so a request that could never be approved is refused when made.
 */
export function validWaiverTerms(
  policy: CompliancePolicy,
  input: { checkId?: string; expiresAt?: string },
  now: Date,
) {
  const expiresAt = new Date(input.expiresAt ?? NaN);
  if (Number.isNaN(expiresAt.getTime()))
    throw new InputError('expiresAt must be a date-time');
  if (expiresAt <= now) throw new InputError('expiresAt must be in the future');
  const check = policy.checks.find(c => c.id === input.checkId);
  if (!check) {
    throw new InputError(
      `checkId ${JSON.stringify(
        input.checkId ?? '',
      )} is not a check of the policy`,
    );
  }
  const maxDays = waiverMaxDays(policy.parameters, check.severity);
  const latest = latestWaiverExpiry(now, maxDays);
  if (expiresAt > latest) {
    const which =
      check.severity === 'critical'
        ? 'criticalWaiverMaxDays, as'
        : 'waiverMaxDays, as';
    throw new InputError(
      `expiresAt must be at most ${maxDays} days ahead (the policy's ${which} ${
        check.id
      } is ${check.severity}), by ${latest.toISOString()}`,
    );
  }
  return { check, expiresAt };
}
