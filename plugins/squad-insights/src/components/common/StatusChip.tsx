import Chip from '@mui/material/Chip';
import type { PortfolioStatus } from '@squad-insights/backstage-plugin-squad-insights-common';

const LABELS: Record<PortfolioStatus, string> = {
  compliant: 'Compliant',
  failing: 'Failing',
  unknown: 'Unknown',
};

// Theme palette colours, so the chip keeps its contrast in the dark theme too.
const COLORS = {
  compliant: 'success',
  failing: 'error',
  unknown: 'default',
} as const;

/**
 * A compliance status as a small chip; `label` prefixes the status, e.g. a framework title.
 *
 * @public
 */
export function StatusChip(props: {
  status: PortfolioStatus;
  label?: string;
  title?: string;
}) {
  const { status, label, title } = props;
  const text = label
    ? `${label}: ${LABELS[status].toLocaleLowerCase('en')}`
    : LABELS[status];
  return (
    <Chip
      size="small"
      color={COLORS[status]}
      variant={status === 'unknown' ? 'outlined' : 'filled'}
      label={text}
      title={title}
    />
  );
}

/**
 * Orders statuses worst first: failing, unknown, compliant.
 *
 * @public
 */
export const STATUS_SEVERITY: Record<PortfolioStatus, number> = {
  failing: 0,
  unknown: 1,
  compliant: 2,
};
