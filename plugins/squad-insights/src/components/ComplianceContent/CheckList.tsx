import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { CheckResult } from '@squad-insights/backstage-plugin-squad-insights-common';

const SEVERITY_COLOR = { critical: 'error', high: 'error', medium: 'warning', low: 'default' } as const;

function show(value: unknown) {
  if (value === undefined) return '(missing)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Failing and unknown checks with the evidence that decided them. */
export function CheckList({ checks }: { checks: CheckResult[] }) {
  if (checks.length === 0) {
    return <Typography variant="body2">Every applicable check passes.</Typography>;
  }
  return (
    <Box>
      {checks.map(check => (
        <Box key={check.checkId} sx={{ py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip size="small" color={SEVERITY_COLOR[check.severity]} label={check.severity} />
            <Chip size="small" variant="outlined" label={check.waiver ? 'waived' : check.status} />
            <Typography variant="subtitle2">{check.title}</Typography>
            <Typography variant="caption" color="text.secondary">
              {check.checkId} · {check.frameworks.join(', ')}
            </Typography>
          </Box>
          {check.reason && (
            <Typography variant="body2" color="text.secondary">
              {check.reason}
            </Typography>
          )}
          {check.evidence.slice(0, 10).map((e, i) => (
            <Typography key={i} variant="body2" sx={{ fontFamily: 'monospace', fontSize: 12 }}>
              {e.address} {e.attribute}: {show(e.actual)} (expected {e.expected}) — {e.source}
              {e.serial !== undefined ? ` serial ${e.serial}` : ''}
            </Typography>
          ))}
          {check.evidence.length > 10 && (
            <Typography variant="caption">… and {check.evidence.length - 10} more</Typography>
          )}
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            <strong>Remediation:</strong> {check.remediation}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
