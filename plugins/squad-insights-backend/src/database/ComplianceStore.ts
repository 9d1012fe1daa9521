/** A stored waiver. Revoked waivers stay stored with who revoked them and why. @public */
export interface StoredWaiver {
  id: string;
  entityRef: string;
  checkId: string;
  justification: string;
  grantedBy: string;
  grantedAt: Date;
  expiresAt: Date;
  revokedBy?: string;
  revokedAt?: Date;
  revokeReason?: string;
}

/** @public */
export type ReviewDecision = 'approved' | 'changes_requested';

/** A stored review with the results the reviewer judged, as JSON text. @public */
export interface StoredReview {
  id: string;
  entityRef: string;
  reviewer: string;
  decision: ReviewDecision;
  comment?: string;
  createdAt: Date;
  /** The JSON of the evaluation shown to the reviewer, kept verbatim. */
  snapshot: string;
}

/**
 * Storage of compliance decisions. There is no delete: waivers are revoked, reviews are
 * immutable, so the history an auditor sees cannot be rewritten through this interface.
 *
 * @public
 */
export interface ComplianceStore {
  insertWaiver(waiver: Omit<StoredWaiver, 'id'>): Promise<StoredWaiver>;
  getWaiver(id: string): Promise<StoredWaiver | undefined>;
  /** All waivers of the entity, revoked and expired ones included, newest first. */
  listWaivers(entityRef: string): Promise<StoredWaiver[]>;
  /**
   * {@link ComplianceStore.listWaivers} of many entities, each list in the same order; an
   * entity without waivers is absent. One query per few hundred entities (the full pass).
   */
  listWaiversOf(entityRefs: string[]): Promise<Map<string, StoredWaiver[]>>;
  /** Marks a waiver revoked; returns undefined when it does not exist or is already revoked. */
  revokeWaiver(
    id: string,
    revocation: { revokedBy: string; revokedAt: Date; revokeReason?: string },
  ): Promise<StoredWaiver | undefined>;
  insertReview(review: Omit<StoredReview, 'id'>): Promise<StoredReview>;
  /** Reviews of the entity, newest first. */
  listReviews(entityRef: string): Promise<StoredReview[]>;
  /** {@link ComplianceStore.listReviews} of many entities, like `listWaiversOf`. */
  listReviewsOf(entityRefs: string[]): Promise<Map<string, StoredReview[]>>;
}
