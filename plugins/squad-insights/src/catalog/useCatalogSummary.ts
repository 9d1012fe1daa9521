import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { CatalogSummary } from '@squad-insights/backstage-plugin-squad-insights-common';
import useAsync from 'react-use/esm/useAsync';
import { squadInsightsApiRef } from '../api';
import { isSquadInsightsAvailable } from '../components/NotConnectedCard/isSquadInsightsAvailable';
import { loadCatalogSummary } from './summaryLoader';

/** What a catalog-table cell knows of its entity. */
export type CatalogSummaryState =
  | { state: 'not-connected' }
  | { state: 'loading' }
  | { state: 'failed'; error: Error }
  | { state: 'loaded'; summary?: CatalogSummary };

/**
 * The summary of the row's entity, batched with the other rows of the page. Entities without
 * any squad-insights annotation are not asked about at all.
 */
export function useCatalogSummary(entity: Entity): CatalogSummaryState {
  const api = useApi(squadInsightsApiRef);
  const connected = isSquadInsightsAvailable(entity);
  const entityRef = stringifyEntityRef(entity);
  const { loading, error, value } = useAsync(
    async () => (connected ? loadCatalogSummary(api, entityRef) : undefined),
    [api, connected, entityRef],
  );
  if (!connected) return { state: 'not-connected' };
  if (loading) return { state: 'loading' };
  if (error) return { state: 'failed', error };
  return { state: 'loaded', summary: value };
}
