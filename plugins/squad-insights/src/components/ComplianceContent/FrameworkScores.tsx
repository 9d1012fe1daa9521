import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { EntityComplianceResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { formatScore } from '../ServiceSummaryCard/complianceStatus';

type Framework = EntityComplianceResponse['frameworks'][number];

function frameworkColor(f: Framework) {
  if (!f.applies) return 'default';
  return f.score.failed > 0 ? 'error' : 'success';
}

// The status in words too, so it does not rest on the chip's colour alone.
function frameworkLabel(f: Framework) {
  if (!f.applies) return `${f.title}: not applicable`;
  const failing = f.score.failed > 0 ? `, ${f.score.failed} failing` : '';
  return `${f.title}: ${formatScore(f.score.score)}${failing}`;
}

/** One chip per framework: its score where it applies, why not where it does not. */
export function FrameworkScores({
  frameworks,
}: {
  frameworks: EntityComplianceResponse['frameworks'];
}) {
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
      {frameworks.map(f => (
        <Chip
          key={f.id}
          title={f.reason}
          color={frameworkColor(f)}
          variant={f.applies ? 'filled' : 'outlined'}
          label={frameworkLabel(f)}
        />
      ))}
    </Stack>
  );
}
