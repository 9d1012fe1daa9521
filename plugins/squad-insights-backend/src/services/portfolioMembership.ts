import type { Entity } from '@backstage/catalog-model';

/** The portfolio is the catalog's services, like the review page's "every service". */
export const PORTFOLIO_FILTER = { kind: 'component', 'spec.type': 'service' };

/** Whether the entity belongs in the portfolio: a Component of type service. */
export function inPortfolio(entity: Entity | undefined): entity is Entity {
  return (
    entity?.kind.toLocaleLowerCase('en') === 'component' &&
    entity.spec?.type === 'service'
  );
}
