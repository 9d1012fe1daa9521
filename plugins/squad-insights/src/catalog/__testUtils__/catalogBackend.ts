import type { Entity } from '@backstage/catalog-model';
import type {
  CatalogSummariesRequest,
  CatalogSummariesResponse,
  PortfolioRow,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { http, HttpResponse } from 'msw';

/** A catalog component; `connected` gives it squad-insights annotations. */
export function component(
  name: string,
  options: { connected?: boolean; type?: string } = {},
): Entity {
  const { connected = true, type = 'service' } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: connected
        ? {
            'squad-insights.io/terraform-state': `demo:${name}/terraform.tfstate`,
          }
        : { 'backstage.io/techdocs-ref': 'dir:.' },
    },
    spec: {
      type,
      lifecycle: 'production',
      owner: 'group:default/payments-squad',
    },
  };
}

/**
 * A stand-in for `POST /compliance/summaries` as the backend answers it: one item per asked
 * ref except those in `hidden`, with the portfolio row's verdict and the footprint when known.
 * Every request body is kept.
 */
export function summariesHandler(options: {
  rows: PortfolioRow[];
  co2eKgPerMonth: Record<string, number>;
  requests: string[][];
  hidden?: string[];
}) {
  const { rows, co2eKgPerMonth, requests, hidden = [] } = options;
  return http.post(
    '*/api/squad-insights/compliance/summaries',
    async ({ request }) => {
      const { entityRefs } = (await request.json()) as CatalogSummariesRequest;
      requests.push(entityRefs);
      const body: CatalogSummariesResponse = {
        items: entityRefs
          .filter(ref => !hidden.includes(ref))
          .map(entityRef => {
            const row = rows.find(r => r.entityRef === entityRef);
            const kg = co2eKgPerMonth[entityRef];
            return {
              entityRef,
              ...(row && {
                compliance: {
                  status: row.status,
                  failingChecks: row.failingChecks,
                  frameworks: row.frameworks,
                  stale: row.stale,
                },
              }),
              ...(kg !== undefined && { co2eKgPerMonth: kg }),
            };
          }),
      };
      return HttpResponse.json(body);
    },
  );
}
