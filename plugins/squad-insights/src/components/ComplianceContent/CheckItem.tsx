import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { CheckResult } from '@squad-insights/backstage-plugin-squad-insights-common';
import { AttestationDetails, attestationState } from './AttestationStatus';
import { EvidenceList, FreshnessBySource } from './EvidenceList';
import { expiryCountdown } from './time';

const SEVERITY_COLOR = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'default',
} as const;
const STATUS_COLOR = {
  fail: 'error',
  unknown: 'warning',
  pass: 'success',
  'not-applicable': 'default',
} as const;

/** The status chip: the waiver or attestation when there is one, else the status. */
function statusChip(check: CheckResult) {
  const attested = attestationState(check);
  if (attested) return attested;
  if (check.waiver)
    return {
      label: `waived, ${expiryCountdown(check.waiver.expiresAt)}`,
      color: 'info' as const,
    };
  return { label: check.status, color: STATUS_COLOR[check.status] };
}

/**
 * One check that needs attention or a reviewer's attestation: severity, status (or its
 * waiver or attestation), why, the evidence and the remediation. `onWaive` and `onAttest` are
 * passed only to users who may grant waivers and attest controls.
 */
export function CheckItem(props: {
  check: CheckResult;
  freshness?: FreshnessBySource;
  onWaive?: (check: CheckResult) => void;
  /** The label of the waive button: `Request waiver` for those who may only ask for one. */
  waiveAction?: 'Grant waiver' | 'Request waiver';
  onAttest?: (check: CheckResult) => void;
}) {
  const { check, freshness, onWaive, onAttest } = props;
  const waiveAction = props.waiveAction ?? 'Grant waiver';
  const chip = statusChip(check);
  return (
    <Box component="li" sx={{ py: 1.5, borderTop: 1, borderColor: 'divider' }}>
      <Box
        sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}
      >
        <Chip
          size="small"
          color={SEVERITY_COLOR[check.severity]}
          label={check.severity}
        />
        <Chip
          size="small"
          variant="outlined"
          color={chip.color}
          label={chip.label}
        />
        <Typography variant="subtitle2" component="h4">
          {check.title}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {`${check.checkId} · ${check.frameworks.join(', ')}`}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {onWaive && check.status === 'fail' && !check.waiver && (
          <Button
            size="small"
            variant="outlined"
            onClick={() => onWaive(check)}
            aria-label={`${waiveAction} for ${check.checkId}`}
          >
            {waiveAction}
          </Button>
        )}
        {onAttest && check.attested && (
          <Button
            size="small"
            variant="outlined"
            onClick={() => onAttest(check)}
            aria-label={`Attest ${check.checkId}`}
          >
            {check.status === 'pass' ? 'Attest again' : 'Attest'}
          </Button>
        )}
      </Box>
      {check.controls.length > 1 && (
        <Typography variant="caption" color="text.secondary" component="p">
          {`Also maps to ${check.controls.slice(1).join(', ')}`}
        </Typography>
      )}
      {check.reason && (
        <Typography variant="body2" color="text.secondary">
          {check.reason}
        </Typography>
      )}
      <AttestationDetails check={check} />
      {/* An attestation is its own evidence, shown above; the rest comes from the facts. */}
      {check.evidence.length > 0 && !check.attested && (
        <EvidenceList evidence={check.evidence} freshness={freshness} />
      )}
      {check.remediation && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          <strong>Remediation:</strong> {check.remediation}
        </Typography>
      )}
    </Box>
  );
}
