/**
 * A stored attestation of a control. Revoked ones stay stored with who revoked them and why.
 *
 * @public
 */
export interface StoredAttestation {
  id: string;
  entityRef: string;
  checkId: string;
  statement: string;
  evidenceUrl: string;
  attestedBy: string;
  attestedAt: Date;
  expiresAt: Date;
  revokedBy?: string;
  revokedAt?: Date;
  revokeReason?: string;
}

/** Who revoked an attestation, when and why. @public */
export interface AttestationRevocation {
  revokedBy: string;
  revokedAt: Date;
  revokeReason?: string;
}

/**
 * Storage of attestations. There is no delete and no update of a statement: an attestation is
 * revoked or expires, and a new one is made, so the history an auditor sees cannot be
 * rewritten through this interface.
 *
 * @public
 */
export interface AttestationStore {
  insertAttestation(
    attestation: Omit<StoredAttestation, 'id'>,
  ): Promise<StoredAttestation>;
  getAttestation(id: string): Promise<StoredAttestation | undefined>;
  /** All attestations of the entity, revoked and expired ones included, newest first. */
  listAttestations(entityRef: string): Promise<StoredAttestation[]>;
  /**
   * {@link AttestationStore.listAttestations} of many entities, each list in the same order;
   * an entity without attestations is absent. One query per few hundred entities (the full pass).
   */
  listAttestationsOf(
    entityRefs: string[],
  ): Promise<Map<string, StoredAttestation[]>>;
  /** Marks an attestation revoked; undefined when it does not exist or is already revoked. */
  revokeAttestation(
    id: string,
    revocation: AttestationRevocation,
  ): Promise<StoredAttestation | undefined>;
}
