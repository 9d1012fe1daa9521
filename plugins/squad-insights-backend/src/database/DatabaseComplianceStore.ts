import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type {
  ComplianceStore,
  StoredReview,
  StoredWaiver,
} from './ComplianceStore';
import { dateFromDb } from './dbTime';
import { groupByEntity, inBatches } from './inBatches';

const migrationsDir = resolvePackagePath(
  '@squad-insights/backstage-plugin-squad-insights-backend',
  'migrations',
);

type WaiverRow = {
  id: string;
  entity_ref: string;
  check_id: string;
  justification: string;
  granted_by: string;
  granted_at: Date | string | number;
  expires_at: Date | string | number;
  revoked_by: string | null;
  revoked_at: Date | string | number | null;
  revoke_reason: string | null;
};

type ReviewRow = {
  id: string;
  entity_ref: string;
  reviewer: string;
  decision: StoredReview['decision'];
  comment: string | null;
  created_at: Date | string | number;
  snapshot: string;
};

function toWaiver(r: WaiverRow): StoredWaiver {
  return {
    id: r.id,
    entityRef: r.entity_ref,
    checkId: r.check_id,
    justification: r.justification,
    grantedBy: r.granted_by,
    grantedAt: dateFromDb(r.granted_at),
    expiresAt: dateFromDb(r.expires_at),
    revokedBy: r.revoked_by ?? undefined,
    revokedAt: r.revoked_at === null ? undefined : dateFromDb(r.revoked_at),
    revokeReason: r.revoke_reason ?? undefined,
  };
}

function toReview(r: ReviewRow): StoredReview {
  return {
    id: r.id,
    entityRef: r.entity_ref,
    reviewer: r.reviewer,
    decision: r.decision,
    comment: r.comment ?? undefined,
    createdAt: dateFromDb(r.created_at),
    snapshot: r.snapshot,
  };
}

/**
 * {@link ComplianceStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @public
 */
export class DatabaseComplianceStore implements ComplianceStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseComplianceStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseComplianceStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async insertWaiver(waiver: Omit<StoredWaiver, 'id'>): Promise<StoredWaiver> {
    const id = randomUUID();
    await this.db<WaiverRow>('si_waivers').insert({
      id,
      entity_ref: waiver.entityRef,
      check_id: waiver.checkId,
      justification: waiver.justification,
      granted_by: waiver.grantedBy,
      granted_at: waiver.grantedAt,
      expires_at: waiver.expiresAt,
    });
    return (await this.getWaiver(id))!;
  }

  async getWaiver(id: string): Promise<StoredWaiver | undefined> {
    const row = await this.db<WaiverRow>('si_waivers').where({ id }).first();
    return row && toWaiver(row);
  }

  async listWaivers(entityRef: string): Promise<StoredWaiver[]> {
    const rows = await this.db<WaiverRow>('si_waivers')
      .where({ entity_ref: entityRef })
      .orderBy([{ column: 'granted_at', order: 'desc' }, { column: 'id' }]);
    return rows.map(toWaiver);
  }

  async revokeWaiver(
    id: string,
    revocation: { revokedBy: string; revokedAt: Date; revokeReason?: string },
  ): Promise<StoredWaiver | undefined> {
    // The revoked_at guard makes a second revocation a no-op instead of rewriting the first.
    const updated = await this.db<WaiverRow>('si_waivers')
      .where({ id })
      .whereNull('revoked_at')
      .update({
        revoked_by: revocation.revokedBy,
        revoked_at: revocation.revokedAt,
        revoke_reason: revocation.revokeReason ?? null,
      });
    return updated ? this.getWaiver(id) : undefined;
  }

  async insertReview(review: Omit<StoredReview, 'id'>): Promise<StoredReview> {
    const id = randomUUID();
    await this.db<ReviewRow>('si_reviews').insert({
      id,
      entity_ref: review.entityRef,
      reviewer: review.reviewer,
      decision: review.decision,
      comment: review.comment ?? null,
      created_at: review.createdAt,
      snapshot: review.snapshot,
    });
    const row = await this.db<ReviewRow>('si_reviews').where({ id }).first();
    return toReview(row!);
  }

  async listReviews(entityRef: string): Promise<StoredReview[]> {
    const rows = await this.db<ReviewRow>('si_reviews')
      .where({ entity_ref: entityRef })
      .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id' }]);
    return rows.map(toReview);
  }

  async listWaiversOf(
    entityRefs: string[],
  ): Promise<Map<string, StoredWaiver[]>> {
    const found = new Map<string, StoredWaiver[]>();
    for (const refs of inBatches([...new Set(entityRefs)])) {
      // Within an entity, the order of listWaivers.
      const rows = await this.db<WaiverRow>('si_waivers')
        .whereIn('entity_ref', refs)
        .orderBy([
          { column: 'entity_ref' },
          { column: 'granted_at', order: 'desc' },
          { column: 'id' },
        ]);
      groupByEntity(rows, toWaiver, found);
    }
    return found;
  }

  async listReviewsOf(
    entityRefs: string[],
  ): Promise<Map<string, StoredReview[]>> {
    const found = new Map<string, StoredReview[]>();
    for (const refs of inBatches([...new Set(entityRefs)])) {
      const rows = await this.db<ReviewRow>('si_reviews')
        .whereIn('entity_ref', refs)
        .orderBy([
          { column: 'entity_ref' },
          { column: 'created_at', order: 'desc' },
          { column: 'id' },
        ]);
      groupByEntity(rows, toReview, found);
    }
    return found;
  }
}
