/*
 * What makes an attestation acceptable, shared by the backend (which refuses it with a 400) and
 * the attest dialog (which says so before sending): one rule, two messages for two audiences.
 */

const DAY_MS = 86_400_000;

/** Whether an evidence link is an http(s) address with a host: a wiki page, a ticket, a report. @public */
export function isEvidenceUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** The latest moment an attestation made at `now` may run to, by the check's `attested.maxValidityDays`. @public */
export function latestAttestationExpiry(now: Date, maxValidityDays: number): Date {
  return new Date(now.getTime() + maxValidityDays * DAY_MS);
}
