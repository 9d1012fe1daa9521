import type { Entity } from '@backstage/catalog-model';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { errorMessage, StatusChip } from '../components/common';
import { CatalogSummaryState, useCatalogSummary } from './useCatalogSummary';

/** What an empty cell shows: unknown or not applicable, never an error. */
export const NO_VALUE = '—';

function Empty(props: { title: string }) {
  return (
    <Typography variant="body2" color="text.secondary" title={props.title}>
      {NO_VALUE}
    </Typography>
  );
}

/** Loading, not connected and failed look the same in both columns. */
function Pending(props: {
  state: Exclude<CatalogSummaryState, { state: 'loaded' }>;
  what: string;
}) {
  const { state, what } = props;
  if (state.state === 'loading') {
    return (
      <Skeleton variant="text" width={64} aria-label={`Loading ${what}`} />
    );
  }
  if (state.state === 'not-connected') {
    return (
      <Empty title="No squad-insights annotation: not connected to Squad Insights" />
    );
  }
  // The table stays usable when the backend does not answer; the reason is in the tooltip.
  return (
    <Typography
      variant="body2"
      color="text.secondary"
      title={`${what} could not be loaded: ${errorMessage(state.error)}`}
    >
      unavailable
    </Typography>
  );
}

/**
 * The worst compliance status of the row's service and how many checks fail, or "—" when the
 * entity is not a service in the compliance portfolio.
 *
 * @public
 */
export function ComplianceStatusCell(props: { entity: Entity }) {
  const state = useCatalogSummary(props.entity);
  if (state.state !== 'loaded')
    return <Pending state={state} what="Compliance" />;
  const compliance = state.summary?.compliance;
  if (!compliance) return <Empty title="Not in the compliance portfolio" />;
  const failing = compliance.frameworks
    .filter(f => f.status === 'failing')
    .map(f => f.title);
  return (
    <Box display="flex" alignItems="center" gap={1} whiteSpace="nowrap">
      <StatusChip
        status={compliance.status}
        title={failing.length ? `Failing: ${failing.join(', ')}` : undefined}
      />
      {compliance.failingChecks > 0 && (
        <Typography variant="body2" component="span">
          {`${compliance.failingChecks} failing`}
        </Typography>
      )}
    </Box>
  );
}

/**
 * The row's monthly CO2e in kg, or "—" while no Terraform state of it has been read.
 *
 * @public
 */
export function FootprintCell(props: { entity: Entity }) {
  const state = useCatalogSummary(props.entity);
  if (state.state !== 'loaded')
    return <Pending state={state} what="Footprint" />;
  const kg = state.summary?.co2eKgPerMonth;
  if (kg === undefined)
    return <Empty title="No Terraform state read yet: footprint unknown" />;
  return (
    <Typography variant="body2">
      {kg.toLocaleString('en', { maximumFractionDigits: 1 })}
    </Typography>
  );
}
