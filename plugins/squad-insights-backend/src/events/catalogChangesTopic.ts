import type { EventsService } from '@backstage/plugin-events-node';

/**
 * The topic on Backstage's events service on which the plugin says that its catalog scan saw
 * services, groups or users change. Caches of catalog lookups outside the plugin (the
 * permission policy's reviewer ancestry, in the permission plugin) clear on it; inside the
 * plugin the in-process `catalog-entities-changed` does.
 */
export const CATALOG_CHANGES_TOPIC = 'squad-insights.catalog-entities-changed';

/** Announces a catalog change on {@link CATALOG_CHANGES_TOPIC}; a failed publish is only logged. */
export function announceCatalogChanges(
  events: Pick<EventsService, 'publish'>,
  onError: (error: unknown) => void,
): () => void {
  return () => {
    events
      .publish({ topic: CATALOG_CHANGES_TOPIC, eventPayload: {} })
      .catch(onError);
  };
}
