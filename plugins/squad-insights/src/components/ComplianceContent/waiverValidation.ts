import { localDay } from './time';

/**
 * The longest a waiver may run when the policy's limit is not known: exceptions are re-argued
 * at least once a year. The policy's own limit (`waiverMaxDays`, shorter for critical checks)
 * comes with the compliance results and is passed to {@link validateWaiver}.
 */
export const MAX_WAIVER_DAYS = 365;

/** What the grant-waiver form holds; `expiresOn` is a local day, `2027-02-24`. */
export interface WaiverForm {
  justification: string;
  expiresOn: string;
}

/**
 * Checks the form before it is sent; returns a message per invalid field. The waiver then
 * ends at the end of `expiresOn` in the reader's time zone.
 */
export function validateWaiver(
  form: WaiverForm,
  now: Date = new Date(),
  maxDays: number = MAX_WAIVER_DAYS,
) {
  const errors: Partial<Record<keyof WaiverForm, string>> = {};
  if (!form.justification.trim()) {
    errors.justification =
      'A justification is required: why is the risk accepted, and until when?';
  }
  const expiry = validateExpiryDay(form.expiresOn, {
    now,
    maxDays,
    what: 'waiver',
  });
  if (expiry) errors.expiresOn = expiry;
  return errors;
}

/**
 * Why `expiresOn` (a local day) cannot end a decision — a waiver or an attestation — that may
 * run at most `maxDays`; undefined when it can.
 */
export function validateExpiryDay(
  expiresOn: string,
  options: { now: Date; maxDays: number; what: string },
): string | undefined {
  const { now, maxDays, what } = options;
  const max = new Date(now.getTime() + maxDays * 24 * 3600_000);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn)) {
    return `Choose the last day the ${what} applies.`;
  } else if (expiresOn <= localDay(now)) {
    return 'The expiry must be in the future (tomorrow at the earliest).';
  } else if (expiresOn > localDay(max)) {
    const article = /^[aeiou]/.test(what) ? 'An' : 'A';
    return `${article} ${what} may run at most ${maxDays} days, until ${localDay(
      max,
    )}.`;
  }
  return undefined;
}

/** The instant a waiver valid through `expiresOn` ends: that day's last second, local time. */
export function expiryInstant(expiresOn: string): string {
  const [y, m, d] = expiresOn.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59).toISOString();
}
