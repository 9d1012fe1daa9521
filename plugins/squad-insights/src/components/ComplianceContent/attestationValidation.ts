import {
  isEvidenceUrl,
  latestAttestationExpiry,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { expiryInstant, validateExpiryDay } from './waiverValidation';

/** What the attest form holds; `expiresOn` is a local day, `2027-11-24`. */
export interface AttestationForm {
  statement: string;
  evidenceUrl: string;
  expiresOn: string;
}

/**
 * Checks the form before it is sent, with the same rules the backend applies (it checks
 * again); returns a message per invalid field. `maxValidityDays` is the check's policy bound.
 */
export function validateAttestation(
  form: AttestationForm,
  maxValidityDays: number,
  now: Date = new Date(),
) {
  const errors: Partial<Record<keyof AttestationForm, string>> = {};
  if (!form.statement.trim()) {
    errors.statement =
      'A statement is required: what is in place, and how is it done?';
  }
  if (!isEvidenceUrl(form.evidenceUrl)) {
    errors.evidenceUrl =
      'Link the evidence with an http or https address (a wiki page, a ticket, a report).';
  }
  const expiry = validateExpiryDay(form.expiresOn, {
    now,
    maxDays: maxValidityDays,
    what: 'attestation',
  });
  if (expiry) errors.expiresOn = expiry;
  return errors;
}

/**
 * The instant an attestation valid through `expiresOn` ends: that day's last second, local
 * time, but never past the policy's bound — on the last allowed day the end of the day would
 * overshoot it by up to a day, and the backend would refuse the attestation.
 */
export function attestationExpiry(
  expiresOn: string,
  maxValidityDays: number,
  now: Date = new Date(),
): string {
  const bound = latestAttestationExpiry(now, maxValidityDays).getTime();
  const endOfDay = new Date(expiryInstant(expiresOn)).getTime();
  return new Date(Math.min(endOfDay, bound)).toISOString();
}
