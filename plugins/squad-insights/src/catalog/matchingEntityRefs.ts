import type { SquadInsightsApi } from '../api';
import type { ComplianceSelection } from './ComplianceEntityFilter';

/** The portfolio's largest page: a whole tribe, or most estates, in one request. */
const PAGE = 1000;

/**
 * The services of the compliance portfolio that match the selection, page by page until the
 * total is reached. The portfolio answers only with what the catalog shows the user.
 */
export async function matchingEntityRefs(
  api: Pick<SquadInsightsApi, 'getPortfolio'>,
  selection: ComplianceSelection,
): Promise<string[]> {
  const refs: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api.getPortfolio({
      ...selection,
      sort: 'service',
      offset,
      limit: PAGE,
    });
    refs.push(...page.items.map(item => item.entityRef));
    if (page.items.length === 0 || offset + PAGE >= page.totalCount)
      return refs;
  }
}
