import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { CheckResult } from '@squad-insights/backstage-plugin-squad-insights-common';
import { shortRef } from '../common';
import { expiryCountdown } from './time';

/**
 * The status of an attested check in a reviewer's words, with its chip colour: attested (and
 * for how long), awaiting a first attestation, or expired. Undefined for checks judged from
 * the facts.
 */
export function attestationState(
  check: CheckResult,
): { label: string; color: 'success' | 'warning' | 'error' } | undefined {
  if (!check.attested) return undefined;
  const a = check.attestation;
  if (!a) return { label: 'awaiting attestation', color: 'warning' };
  if (check.status === 'pass')
    return {
      label: `attested, ${expiryCountdown(a.expiresAt)}`,
      color: 'success',
    };
  return { label: 'attestation expired', color: 'error' };
}

/**
 * Who attested the control, when and until when, their statement and the evidence link. The
 * link opens outside the portal: evidence lives in wikis and ticket systems.
 */
export function AttestationDetails(props: { check: CheckResult }) {
  const a = props.check.attestation;
  if (!a) return null;
  const expired = props.check.status !== 'pass';
  return (
    <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
      <Typography variant="caption" color="text.secondary" component="p">
        {`Attested by ${shortRef(a.attestedBy)} on ${a.attestedAt.slice(
          0,
          10,
        )}, ${expired ? 'expired' : 'valid until'} ${a.expiresAt.slice(0, 10)}`}
      </Typography>
      <q>{a.statement}</q>
      {/* Only web links: a stored URL is checked on write, and never becomes a script here. */}
      {a.evidenceUrl && /^https?:\/\//i.test(a.evidenceUrl) && (
        <>
          {' — '}
          <Link href={a.evidenceUrl} target="_blank" rel="noopener noreferrer">
            Evidence
          </Link>
        </>
      )}
    </Typography>
  );
}
