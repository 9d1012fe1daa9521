import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { CheckResult } from '@squad-insights/backstage-plugin-squad-insights-common';
import { CheckItem } from './CheckItem';
import type { FreshnessBySource } from './EvidenceList';

interface ControlGroup {
  control: string;
  checks: CheckResult[];
}

const NO_CONTROL = '(no control)';
const needsAttention = (c: CheckResult) =>
  c.status === 'fail' || c.status === 'unknown';
// Attested checks are listed even when they pass: who attested what, until when, is what a
// reviewer reads them for.
const listed = (c: CheckResult) => needsAttention(c) || Boolean(c.attested);

/**
 * Groups checks by their first control, controls with unwaived failures first, then those
 * with unknowns, then by id. A check maps to controls of several frameworks (baseline,
 * GDPR, PCI DSS, …); the policy lists its own control first, and listing the check under
 * every mapping would repeat each failure up to four times. The other controls are named
 * on the check.
 */
export function groupByControl(checks: CheckResult[]): ControlGroup[] {
  const groups = new Map<string, CheckResult[]>();
  for (const check of checks) {
    const control = check.controls[0] ?? NO_CONTROL;
    groups.set(control, [...(groups.get(control) ?? []), check]);
  }
  const rank = (g: ControlGroup) => {
    if (g.checks.some(c => c.status === 'fail' && !c.waiver)) return 0;
    return g.checks.some(needsAttention) ? 1 : 2;
  };
  return [...groups]
    .map(([control, list]) => ({ control, checks: list }))
    .sort((a, b) => rank(a) - rank(b) || a.control.localeCompare(b.control));
}

function count(checks: CheckResult[], status: CheckResult['status']) {
  return checks.filter(c => c.status === status).length;
}

/**
 * Every control with its tally; the failing and unknown checks are listed with evidence, and
 * attested checks with their attestation; other passing ones are counted so a reviewer reads
 * what needs attention first.
 */
export function ControlGroups(props: {
  checks: CheckResult[];
  freshness?: FreshnessBySource;
  onWaive?: (check: CheckResult) => void;
  waiveAction?: 'Grant waiver' | 'Request waiver';
  onAttest?: (check: CheckResult) => void;
}) {
  const groups = groupByControl(
    props.checks.filter(c => c.status !== 'not-applicable'),
  );
  if (groups.length === 0) {
    return (
      <Typography variant="body2">
        No check of the policy applies to this service.
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      {groups.map(({ control, checks }) => {
        const attention = checks.filter(listed);
        const failing = checks.filter(
          c => c.status === 'fail' && !c.waiver,
        ).length;
        const waived = checks.filter(c => c.waiver).length;
        return (
          <Paper
            key={control}
            variant="outlined"
            component="section"
            aria-label={`Control ${control}`}
            sx={{ px: 2, py: 1 }}
          >
            <Box
              sx={{
                display: 'flex',
                gap: 1,
                alignItems: 'center',
                flexWrap: 'wrap',
                pb: 1,
              }}
            >
              <Typography
                variant="subtitle1"
                component="h3"
                sx={{ fontFamily: 'monospace' }}
              >
                {control}
              </Typography>
              {failing > 0 && (
                <Chip size="small" color="error" label={`${failing} failing`} />
              )}
              {waived > 0 && (
                <Chip
                  size="small"
                  color="info"
                  variant="outlined"
                  label={`${waived} waived`}
                />
              )}
              {count(checks, 'unknown') > 0 && (
                <Chip
                  size="small"
                  color="warning"
                  variant="outlined"
                  label={`${count(checks, 'unknown')} unknown`}
                />
              )}
              <Chip
                size="small"
                color="success"
                variant="outlined"
                label={`${count(checks, 'pass')} passing`}
              />
            </Box>
            {attention.length > 0 && (
              <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
                {attention.map(check => (
                  <CheckItem
                    key={check.checkId}
                    check={check}
                    freshness={props.freshness}
                    onWaive={props.onWaive}
                    waiveAction={props.waiveAction}
                    onAttest={props.onAttest}
                  />
                ))}
              </Box>
            )}
          </Paper>
        );
      })}
    </Box>
  );
}
