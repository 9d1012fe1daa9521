/*
 * What makes an attestation acceptable, shared by the backend (which refuses it with a 400) and
 * the attest dialog (which says so before sending): one rule, two messages for two audiences.
 */

const DAY_MS = 86_400_000;

/** Whether an evidence link is an http(s) address with a host: a wiki page, a ticket, a report. @public */
export function isEvidenceUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      Boolean(url.hostname)
    );
  } catch {
    return false;
  }
}

/** The latest moment an attestation made at `now` may run to, by the check's `attested.maxValidityDays`. @public */
export function latestAttestationExpiry(
  now: Date,
  maxValidityDays: number,
): Date {
  return new Date(now.getTime() + maxValidityDays * DAY_MS);
}

/** How long a waiver may run when the policy does not say: exceptions are re-argued yearly. @public */
export const DEFAULT_WAIVER_MAX_DAYS = 365;
/** How long a waiver of a critical check may run when the policy does not say. @public */
export const DEFAULT_CRITICAL_WAIVER_MAX_DAYS = 90;

/**
 * The longest a waiver of a check of this severity may run, in days, by the policy's
 * `waiverMaxDays` and `criticalWaiverMaxDays` parameters. Shared by the backend (which refuses
 * a longer one with a 400) and the grant-waiver dialog (whose date picker stops there).
 *
 * @public
 */
export function waiverMaxDays(
  parameters: { waiverMaxDays?: number; criticalWaiverMaxDays?: number },
  severity: string,
): number {
  const general = parameters.waiverMaxDays ?? DEFAULT_WAIVER_MAX_DAYS;
  if (severity !== 'critical') return general;
  // A critical check never gets longer than any other, whatever the two parameters say.
  return Math.min(
    general,
    parameters.criticalWaiverMaxDays ?? DEFAULT_CRITICAL_WAIVER_MAX_DAYS,
  );
}

/** The latest moment a waiver granted at `now` may run to. @public */
export function latestWaiverExpiry(now: Date, maxDays: number): Date {
  return new Date(now.getTime() + maxDays * DAY_MS);
}
