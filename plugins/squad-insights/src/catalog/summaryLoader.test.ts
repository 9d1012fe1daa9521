import type { CatalogSummary } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { SquadInsightsApi } from '../api';
import { createSummaryLoader, SUMMARY_TTL_MS } from './summaryLoader';

function fakeApi(known: Record<string, Omit<CatalogSummary, 'entityRef'>>) {
  const calls: string[][] = [];
  let failing = false;
  const api: Pick<SquadInsightsApi, 'getCatalogSummaries'> = {
    getCatalogSummaries: async (refs: string[]) => {
      calls.push(refs);
      if (failing) throw new Error('backend down');
      return refs
        .filter(r => known[r])
        .map(entityRef => ({ entityRef, ...known[entityRef] }));
    },
  };
  return { api, calls, fail: (value: boolean) => (failing = value) };
}

describe('createSummaryLoader', () => {
  const known = {
    'component:default/a': { co2eKgPerMonth: 1 },
    'component:default/b': { co2eKgPerMonth: 2 },
  };

  it('sends the loads of one tick as one request, each ref once', async () => {
    const { api, calls } = fakeApi(known);
    const load = createSummaryLoader(api);
    const refs = [
      'component:default/a',
      'component:default/b',
      'component:default/a',
      'component:default/c',
    ];
    const results = await Promise.all(refs.map(load));
    expect(calls).toEqual([
      ['component:default/a', 'component:default/b', 'component:default/c'],
    ]);
    expect(results.map(r => r?.co2eKgPerMonth)).toEqual([1, 2, 1, undefined]);
  });

  it('reuses an answer until it expires, then asks again', async () => {
    const { api, calls } = fakeApi(known);
    let now = 1_000_000;
    const load = createSummaryLoader(api, { now: () => now });
    await load('component:default/a');
    now += SUMMARY_TTL_MS - 1;
    await load('component:default/a'); // the same page re-mounted
    expect(calls).toHaveLength(1);
    now += 1;
    expect(await load('component:default/a')).toEqual({
      entityRef: 'component:default/a',
      co2eKgPerMonth: 1,
    });
    expect(calls).toHaveLength(2);
  });

  it('fails every load of a failed request, and does not keep the failure', async () => {
    const { api, calls, fail } = fakeApi(known);
    const load = createSummaryLoader(api);
    fail(true);
    await expect(
      Promise.all([load('component:default/a'), load('component:default/b')]),
    ).rejects.toThrow('backend down');
    fail(false);
    expect(await load('component:default/b')).toEqual({
      entityRef: 'component:default/b',
      co2eKgPerMonth: 2,
    });
    expect(calls).toHaveLength(2);
  });
});
