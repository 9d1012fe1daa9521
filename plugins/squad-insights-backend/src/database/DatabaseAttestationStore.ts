import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type {
  AttestationRevocation,
  AttestationStore,
  StoredAttestation,
} from './AttestationStore';
import { dateFromDb } from './dbTime';
import { groupByEntity, inBatches } from './inBatches';

const migrationsDir = resolvePackagePath(
  '@squad-insights/backstage-plugin-squad-insights-backend',
  'migrations',
);

type AttestationRow = {
  id: string;
  entity_ref: string;
  check_id: string;
  statement: string;
  evidence_url: string;
  attested_by: string;
  attested_at: Date | string | number;
  expires_at: Date | string | number;
  revoked_by: string | null;
  revoked_at: Date | string | number | null;
  revoke_reason: string | null;
};

function toAttestation(r: AttestationRow): StoredAttestation {
  return {
    id: r.id,
    entityRef: r.entity_ref,
    checkId: r.check_id,
    statement: r.statement,
    evidenceUrl: r.evidence_url,
    attestedBy: r.attested_by,
    attestedAt: dateFromDb(r.attested_at),
    expiresAt: dateFromDb(r.expires_at),
    revokedBy: r.revoked_by ?? undefined,
    revokedAt: r.revoked_at === null ? undefined : dateFromDb(r.revoked_at),
    revokeReason: r.revoke_reason ?? undefined,
  };
}

/**
 * {@link AttestationStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @public
 */
export class DatabaseAttestationStore implements AttestationStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseAttestationStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseAttestationStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async insertAttestation(
    a: Omit<StoredAttestation, 'id'>,
  ): Promise<StoredAttestation> {
    const id = randomUUID();
    await this.db<AttestationRow>('si_attestations').insert({
      id,
      entity_ref: a.entityRef,
      check_id: a.checkId,
      statement: a.statement,
      evidence_url: a.evidenceUrl,
      attested_by: a.attestedBy,
      attested_at: a.attestedAt,
      expires_at: a.expiresAt,
    });
    return (await this.getAttestation(id))!;
  }

  async getAttestation(id: string): Promise<StoredAttestation | undefined> {
    const row = await this.db<AttestationRow>('si_attestations')
      .where({ id })
      .first();
    return row && toAttestation(row);
  }

  async listAttestations(entityRef: string): Promise<StoredAttestation[]> {
    const rows = await this.db<AttestationRow>('si_attestations')
      .where({ entity_ref: entityRef })
      .orderBy([{ column: 'attested_at', order: 'desc' }, { column: 'id' }]);
    return rows.map(toAttestation);
  }

  async listAttestationsOf(
    entityRefs: string[],
  ): Promise<Map<string, StoredAttestation[]>> {
    const found = new Map<string, StoredAttestation[]>();
    for (const refs of inBatches([...new Set(entityRefs)])) {
      // Within an entity, the order of listAttestations.
      const rows = await this.db<AttestationRow>('si_attestations')
        .whereIn('entity_ref', refs)
        .orderBy([
          { column: 'entity_ref' },
          { column: 'attested_at', order: 'desc' },
          { column: 'id' },
        ]);
      groupByEntity(rows, toAttestation, found);
    }
    return found;
  }

  async revokeAttestation(
    id: string,
    revocation: AttestationRevocation,
  ): Promise<StoredAttestation | undefined> {
    // The revoked_at guard makes a second revocation a no-op instead of rewriting the first.
    const updated = await this.db<AttestationRow>('si_attestations')
      .where({ id })
      .whereNull('revoked_at')
      .update({
        revoked_by: revocation.revokedBy,
        revoked_at: revocation.revokedAt,
        revoke_reason: revocation.revokeReason ?? null,
      });
    return updated ? this.getAttestation(id) : undefined;
  }
}
