import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import type { CheckResult } from '@squad-insights/backstage-plugin-squad-insights-common';
import { EvidenceList } from '../ComplianceContent/EvidenceList';

/**
 * The policy control whose checks compare Terraform tags and Consul meta with the catalog's
 * owner. Drift is read from its failing checks, not from a second rule here, so the card and
 * the compliance tab cannot disagree and an organisation's own ownership checks show too.
 */
export const OWNERSHIP_CONTROL = 'baseline/ownership';

/** The failing checks of the ownership control: where infrastructure names another owner. */
export function ownershipDrift(checks: CheckResult[]): CheckResult[] {
  return checks.filter(
    c => c.status === 'fail' && c.controls.includes(OWNERSHIP_CONTROL),
  );
}

/** One warning per drifting check, with the resources that disagree. */
export function DriftWarnings({ checks }: { checks: CheckResult[] }) {
  const drift = ownershipDrift(checks);
  if (drift.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mt: 1 }}>
      {drift.map(check => (
        <Alert key={check.checkId} severity={check.waiver ? 'info' : 'warning'}>
          <AlertTitle>
            {`Ownership drift: ${check.title}`}
            {check.waiver
              ? ` (waived until ${check.waiver.expiresAt.slice(0, 10)})`
              : ''}
          </AlertTitle>
          <EvidenceList evidence={check.evidence} limit={5} />
        </Alert>
      ))}
    </Stack>
  );
}
