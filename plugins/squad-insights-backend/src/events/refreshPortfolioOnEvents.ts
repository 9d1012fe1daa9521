import type { LoggerService } from '@backstage/backend-plugin-api';
import type { CompliancePortfolioService } from '../services/CompliancePortfolioService';
import type { DomainEvents } from './DomainEvents';
import type { SquadInsightsEvents } from './SquadInsightsEvents';

/**
 * Keeps portfolio rows (and the stored results the entity endpoint serves) current: every
 * event that can change a verdict refreshes the rows it touches. A failed refresh is logged
 * and never fails the write that published the event: the decision or the fact is recorded,
 * and the scheduled full refresh repairs the row.
 *
 * Resolves once the events published before this subscription are handled.
 */
export async function refreshPortfolioOnEvents(options: {
  events: Pick<DomainEvents<SquadInsightsEvents>, 'subscribe'>;
  portfolio: Pick<
    CompliancePortfolioService,
    'refresh' | 'refreshSources' | 'refreshEntities'
  >;
  logger: LoggerService;
}): Promise<void> {
  const { events, portfolio, logger } = options;
  const logged = async (refresh: () => Promise<unknown>) => {
    try {
      await refresh();
    } catch (error) {
      logger.warn(
        `Compliance portfolio refresh failed; the scheduled pass will retry: ${error}`,
      );
    }
  };
  const refreshEntity = ({ entityRef }: { entityRef: string }) =>
    logged(() => portfolio.refresh(entityRef));
  await Promise.all([
    events.subscribe('facts-changed', ({ sources }) =>
      logged(() => portfolio.refreshSources(sources)),
    ),
    events.subscribe('entity-states-changed', refreshEntity),
    events.subscribe('decision-recorded', refreshEntity),
    events.subscribe('attestation-recorded', refreshEntity),
    // Added services get their rows, removed ones lose them (in bulk: the first pass after a
    // fresh install announces every service).
    events.subscribe('catalog-services-changed', ({ added, removed }) =>
      logged(() => portfolio.refreshEntities([...added, ...removed])),
    ),
  ]);
}
