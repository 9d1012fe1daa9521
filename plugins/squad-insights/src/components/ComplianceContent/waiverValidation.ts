import { localDay } from './time';

/** The longest a waiver may run: exceptions are re-argued at least once a year. */
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
export function validateWaiver(form: WaiverForm, now: Date = new Date()) {
  const errors: Partial<Record<keyof WaiverForm, string>> = {};
  if (!form.justification.trim()) {
    errors.justification = 'A justification is required: why is the risk accepted, and until when?';
  }
  const max = new Date(now.getTime() + MAX_WAIVER_DAYS * 24 * 3600_000);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.expiresOn)) {
    errors.expiresOn = 'Choose the last day the waiver applies.';
  } else if (form.expiresOn <= localDay(now)) {
    errors.expiresOn = 'The expiry must be in the future (tomorrow at the earliest).';
  } else if (form.expiresOn > localDay(max)) {
    errors.expiresOn = `A waiver may run at most ${MAX_WAIVER_DAYS} days, until ${localDay(max)}.`;
  }
  return errors;
}

/** The instant a waiver valid through `expiresOn` ends: that day's last second, local time. */
export function expiryInstant(expiresOn: string): string {
  const [y, m, d] = expiresOn.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59).toISOString();
}
