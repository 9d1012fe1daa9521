import type { DomainEvents } from './DomainEvents';
import type { SquadInsightsEvents } from './SquadInsightsEvents';

/**
 * Hands a cache's `clear` to the catalog scanner's `catalog-entities-changed`, so cached
 * catalog lookups are dropped as soon as a pass sees a service, group or user change. The
 * catalog itself publishes no such event (its events service carries only processing errors
 * and conflicts), so between passes the caches' own TTL remains the bound.
 *
 * Not `catalog-services-changed`: DomainEvents replays events published before a name's first
 * subscriber to that subscriber only, and those belong to the portfolio refresh. The entities
 * event covers added and removed services too.
 */
export function clearOnCatalogChanges(
  events: Pick<DomainEvents<SquadInsightsEvents>, 'subscribe'>,
): (clear: () => void) => void {
  return clear => {
    // The handler runs on every event; the promise only covers the replay of earlier ones,
    // which DomainEvents already guards (a throwing handler is logged).
    void events.subscribe('catalog-entities-changed', () => clear());
  };
}
