/**
 * What happened inside the plugin that others may act on, by event name. Published after the
 * write is stored; the payload names what changed, never its content (no Terraform values).
 */
export type SquadInsightsEvents = {
  /**
   * Facts of these sources (`state:<reference>`, `consul:<service name>`) were written, or
   * the source started failing (its facts turn stale).
   */
  'facts-changed': { sources: string[] };
  /** The set of Terraform states an entity reads changed. */
  'entity-states-changed': { entityRef: string };
  /** A waiver was granted or revoked, or a review recorded, on this entity. */
  'decision-recorded': { entityRef: string };
  /** An attestation was made or revoked on this entity. */
  'attestation-recorded': { entityRef: string };
  /**
   * Services (`kind: Component`, `spec.type: service`) that appeared in or left the catalog
   * since the catalog scanner's previous pass; on its first pass after a start, compared with
   * the portfolio's rows, so nothing added or removed while the backend was down is missed.
   */
  'catalog-services-changed': { added: string[]; removed: string[] };
  /**
   * Services, groups or users that appeared in, changed in or left the catalog since the
   * catalog scanner's previous pass (compared by etag). Caches of catalog lookups clear on it.
   */
  'catalog-entities-changed': { entityRefs: string[] };
};
