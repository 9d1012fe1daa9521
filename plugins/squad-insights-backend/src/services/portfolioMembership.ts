import type { Entity } from '@backstage/catalog-model';
import type { ComplianceSummaryStore } from '../database/ComplianceSummaryStore';

/** The portfolio is the catalog's services, like the review page's "every service". */
export const PORTFOLIO_FILTER = { kind: 'component', 'spec.type': 'service' };

/** Whether the entity belongs in the portfolio: a Component of type service. */
export function inPortfolio(entity: Entity | undefined): entity is Entity {
  return (
    entity?.kind.toLocaleLowerCase('en') === 'component' &&
    entity.spec?.type === 'service'
  );
}

/**
 * Drops the rows of services a full pass did not find in the catalog (gone, or no longer
 * services), returning how many went.
 */
export async function dropRowsNotIn(
  summaries: Pick<ComplianceSummaryStore, 'listEntityRefs' | 'delete'>,
  present: ReadonlySet<string>,
): Promise<number> {
  const gone = (await summaries.listEntityRefs()).filter(r => !present.has(r));
  await summaries.delete(gone);
  return gone.length;
}
