import {
  GroupFootprintResponse,
  GroupFootprintServiceRow,
  rollupFootprints,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { http, HttpResponse } from 'msw';

const service = (
  name: string,
  owner: string,
  co2eKgPerDay?: number,
  carbonTaxSekPerMonth?: number,
): GroupFootprintServiceRow => ({
  entityRef: `component:default/${name}`,
  owner,
  kwhPerDay: co2eKgPerDay === undefined ? undefined : co2eKgPerDay * 40,
  co2eKgPerDay,
  carbonTaxSekPerMonth,
  notMadeShare: co2eKgPerDay === undefined ? undefined : 0,
  known: co2eKgPerDay !== undefined,
  stale: false,
  problems: [],
});

/** The footprint of the payments squad as the backend rolls it up, worst first. */
export function paymentsFootprint(
  groupRef = 'group:default/payments-squad',
): GroupFootprintResponse {
  const owner = 'group:default/payments-squad';
  const services = [
    service('payment-processing', owner, 1.2, 48.6),
    service('subscription-billing', owner, 0.4, 16.2),
    service('payment-webhooks', owner),
  ];
  const co2eKgPerDay = 1.6;
  const rollup = {
    ...rollupFootprints(groupRef, []),
    services: [
      'component:default/payment-processing',
      'component:default/subscription-billing',
    ],
    kwhPerDay: 64,
    co2eKgPerDay,
    co2eKgPerMonth: co2eKgPerDay * 30.4375,
    carbonTaxSekPerMonth: 64.8,
    coverage: { made: 2, notMade: 0, notMadeShare: 0 },
  };
  return {
    groupRef,
    type: groupRef.endsWith('-tribe') ? 'tribe' : 'squad',
    rollup,
    byOwner: [{ ...rollup, name: owner }],
    services,
    unknownServices: ['component:default/payment-webhooks'],
    stale: false,
  };
}

/** `GET /groups/{namespace}/{name}/footprint` answering for one group. */
export function footprintHandler(
  body: GroupFootprintResponse,
  requests: string[] = [],
) {
  return http.get(
    '*/api/squad-insights/groups/:namespace/:name/footprint',
    ({ params }) => {
      const ref = `group:${params.namespace}/${params.name}`;
      requests.push(ref);
      return ref === body.groupRef
        ? HttpResponse.json(body)
        : HttpResponse.json(
            {
              error: {
                name: 'NotFoundError',
                message: `No group ${ref} in the catalog`,
              },
            },
            { status: 404 },
          );
    },
  );
}
