import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { FactFreshness } from '@squad-insights/backstage-plugin-squad-insights-common';
import { when } from './format';

/** A source of facts: a Terraform state reference, or `consul`, with its freshness. */
export interface FactSource {
  reference: string;
  freshness: FactFreshness;
}

function describe({ reference, freshness }: FactSource) {
  const name =
    reference === 'consul' ? 'Consul' : `Terraform state ${reference}`;
  const since = freshness.readAt
    ? `last good read ${when(freshness.readAt)}`
    : 'never read';
  let failing = '';
  if (freshness.lastError) {
    // A refused binding has an error but no failing read: it was never attempted.
    failing = freshness.lastErrorAt
      ? `; failing since ${when(freshness.lastErrorAt)}: ${freshness.lastError}`
      : `; ${freshness.lastError}`;
  }
  return `${name}: ${since}${failing}`;
}

/**
 * Says which sources are stale and since when, so a reader knows how old the figures below
 * are. Nothing is rendered when no source is stale and `stale` is false.
 */
export function StaleSourcesBanner(props: {
  stale: boolean;
  sources: FactSource[];
  consequence: string;
}) {
  const staleSources = props.sources.filter(s => s.freshness.stale);
  if (!props.stale && staleSources.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>Stale data</AlertTitle>
      {props.consequence}
      {staleSources.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
          {staleSources.map(s => (
            <li key={s.reference}>{describe(s)}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
