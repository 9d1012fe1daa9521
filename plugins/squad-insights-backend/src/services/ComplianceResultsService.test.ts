import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { StoredComplianceResult } from '../database/ComplianceSummaryStore';
import { ComplianceResultsService } from './ComplianceResultsService';
import type { EntityCompliance } from './ComplianceService';

const now = new Date('2026-11-26T08:00:00Z');
const ledger: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'rights-ledger', namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/rights-squad',
  },
};
const ref = { kind: 'component', namespace: 'default', name: 'rights-ledger' };
const entityRef = 'component:default/rights-ledger';

const evaluation = (evaluatedAt: Date, stale = false): EntityCompliance => ({
  entityRef,
  evaluatedAt: evaluatedAt.toISOString(),
  stale,
  problems: stale ? ['demo:rights-ledger/terraform.tfstate: AccessDenied'] : [],
  policy: { name: 'squad-insights-default' },
  parameters: {} as EntityCompliance['parameters'],
  frameworks: [],
  checks: [],
  score: {
    score: 1,
    passed: 3,
    failed: 0,
    waived: 1,
    unknown: 0,
    notApplicable: 0,
  },
});

function setup(
  options: {
    stored?: StoredComplianceResult;
    inPortfolio?: boolean;
    visible?: boolean;
    recheckStaleMs?: number;
  } = {},
) {
  const results = new Map<string, StoredComplianceResult>();
  if (options.stored) results.set(entityRef, options.stored);
  // What the portfolio does: evaluate, store the result beside the row, return it.
  const refresh = jest.fn(async (r: string) => {
    await new Promise(resolve => setImmediate(resolve));
    if (options.inPortfolio === false) return undefined;
    const result = evaluation(now);
    results.set(r, { result });
    return result;
  });
  const getEntityCompliance = jest.fn(async () => evaluation(now));
  const service = ComplianceResultsService.create({
    catalog: catalogServiceMock({
      entities: options.visible === false ? [] : [ledger],
    }),
    compliance: { getEntityCompliance },
    portfolio: { refresh },
    results: { getResult: async r => results.get(r) },
    now: () => now,
    recheckStaleMs: options.recheckStaleMs,
  });
  const get = () =>
    service.getEntityCompliance(ref, { credentials: mockCredentials.user() });
  return { get, refresh, getEntityCompliance, results };
}

describe('ComplianceResultsService', () => {
  it('evaluates and stores when nothing is stored, then serves the stored result', async () => {
    const { get, refresh, results } = setup();
    const first = await get();
    expect(results.get(entityRef)?.result).toEqual(first);
    expect(await get()).toEqual(first);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('evaluates once for concurrent first requests', async () => {
    const { get, refresh } = setup();
    const [a, b, c] = await Promise.all([get(), get(), get()]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('serves a result until its validUntil, and evaluates again after it', async () => {
    const earlier = new Date(now.getTime() - 3_600_000);
    const valid = setup({
      stored: {
        result: evaluation(earlier),
        validUntil: new Date(now.getTime() + 1),
      },
    });
    expect((await valid.get()).evaluatedAt).toBe(earlier.toISOString());
    expect(valid.refresh).not.toHaveBeenCalled();

    const passed = setup({
      stored: { result: evaluation(earlier), validUntil: now },
    });
    expect((await passed.get()).evaluatedAt).toBe(now.toISOString());
    expect(passed.refresh).toHaveBeenCalledWith(entityRef);
  });

  it('serves a result judged from stale facts long ago while evaluating it again, then the new one', async () => {
    const { get, refresh } = setup({
      stored: { result: evaluation(new Date(0), true) },
    });
    expect((await get()).stale).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(1);
    await refresh.mock.results[0].value;
    expect((await get()).stale).toBe(false);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('evaluates a result judged from stale facts again only once recheckStaleMs has passed', async () => {
    const stored = (evaluatedAt: Date) => ({
      stored: { result: evaluation(evaluatedAt, true) },
      recheckStaleMs: 30_000,
    });
    const recent = setup(stored(new Date(now.getTime() - 29_999)));
    expect((await recent.get()).stale).toBe(true);
    expect(recent.refresh).not.toHaveBeenCalled();

    const due = setup(stored(new Date(now.getTime() - 30_000)));
    expect((await due.get()).stale).toBe(true);
    expect(due.refresh).toHaveBeenCalledTimes(1);
  });

  it('waits for the evaluation of a stale result whose validUntil has passed', async () => {
    const { get, refresh } = setup({
      stored: {
        result: evaluation(new Date(now.getTime() - 1_000), true),
        validUntil: now,
      },
    });
    expect((await get()).stale).toBe(false);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('keeps serving the stored result when its evaluation in the background fails', async () => {
    const { get, refresh } = setup({
      stored: { result: evaluation(new Date(0), true) },
    });
    refresh.mockRejectedValueOnce(new Error('catalog down'));
    expect((await get()).stale).toBe(true);
    await expect(refresh.mock.results[0].value).rejects.toThrow('catalog down');
    expect((await get()).stale).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('evaluates an entity outside the portfolio with the caller credentials, storing nothing', async () => {
    const { get, getEntityCompliance, results } = setup({ inPortfolio: false });
    await get();
    expect(getEntityCompliance).toHaveBeenCalledWith(ref, {
      credentials: mockCredentials.user(),
    });
    expect(results.size).toBe(0);
  });

  it('answers 404 for an entity the caller cannot see, even with a stored result', async () => {
    const { get, refresh } = setup({
      stored: { result: evaluation(now) },
      visible: false,
    });
    await expect(get()).rejects.toMatchObject({
      name: 'NotFoundError',
      message: `No entity ${entityRef} in the catalog`,
    });
    expect(refresh).not.toHaveBeenCalled();
  });
});
