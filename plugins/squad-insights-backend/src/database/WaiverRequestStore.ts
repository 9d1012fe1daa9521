/** Where a waiver request stands: waiting for a reviewer, or decided once. @public */
export type WaiverRequestStatus = 'requested' | 'granted' | 'rejected';

/** A stored waiver request. @public */
export interface StoredWaiverRequest {
  id: string;
  entityRef: string;
  checkId: string;
  justification: string;
  /** The expiry the requester asks for; the reviewer grants the waiver with it. */
  expiresAt: Date;
  requestedBy: string;
  requestedAt: Date;
  status: WaiverRequestStatus;
  decidedBy?: string;
  decidedAt?: Date;
  decisionReason?: string;
  /** The waiver granted on approval. */
  waiverId?: string;
}

/**
 * Storage of waiver requests. No delete and no second decision: a request is decided once,
 * so the record of who asked and who decided cannot be rewritten through this interface.
 *
 * @public
 */
export interface WaiverRequestStore {
  insertRequest(
    request: Omit<
      StoredWaiverRequest,
      | 'id'
      | 'status'
      | 'decidedBy'
      | 'decidedAt'
      | 'decisionReason'
      | 'waiverId'
    >,
  ): Promise<StoredWaiverRequest>;
  getRequest(id: string): Promise<StoredWaiverRequest | undefined>;
  /** All requests of the entity, decided ones included, newest first. */
  listRequests(entityRef: string): Promise<StoredWaiverRequest[]>;
  /** Decides a request still `requested`; undefined when it does not exist or is decided. */
  decideRequest(
    id: string,
    decision: {
      status: Exclude<WaiverRequestStatus, 'requested'>;
      decidedBy: string;
      decidedAt: Date;
      decisionReason?: string;
      waiverId?: string;
    },
  ): Promise<StoredWaiverRequest | undefined>;
}
