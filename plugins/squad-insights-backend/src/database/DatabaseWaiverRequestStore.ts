import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type {
  StoredWaiverRequest,
  WaiverRequestStore,
} from './WaiverRequestStore';
import { dateFromDb } from './dbTime';

const migrationsDir = resolvePackagePath(
  '@squad-insights/backstage-plugin-squad-insights-backend',
  'migrations',
);

type RequestRow = {
  id: string;
  entity_ref: string;
  check_id: string;
  justification: string;
  expires_at: Date | string | number;
  requested_by: string;
  requested_at: Date | string | number;
  status: StoredWaiverRequest['status'];
  decided_by: string | null;
  decided_at: Date | string | number | null;
  decision_reason: string | null;
  waiver_id: string | null;
};

function toRequest(r: RequestRow): StoredWaiverRequest {
  return {
    id: r.id,
    entityRef: r.entity_ref,
    checkId: r.check_id,
    justification: r.justification,
    expiresAt: dateFromDb(r.expires_at),
    requestedBy: r.requested_by,
    requestedAt: dateFromDb(r.requested_at),
    status: r.status,
    decidedBy: r.decided_by ?? undefined,
    decidedAt: r.decided_at === null ? undefined : dateFromDb(r.decided_at),
    decisionReason: r.decision_reason ?? undefined,
    waiverId: r.waiver_id ?? undefined,
  };
}

/**
 * {@link WaiverRequestStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @public
 */
export class DatabaseWaiverRequestStore implements WaiverRequestStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseWaiverRequestStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseWaiverRequestStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async insertRequest(
    request: Parameters<WaiverRequestStore['insertRequest']>[0],
  ): Promise<StoredWaiverRequest> {
    const id = randomUUID();
    await this.db<RequestRow>('si_waiver_requests').insert({
      id,
      entity_ref: request.entityRef,
      check_id: request.checkId,
      justification: request.justification,
      expires_at: request.expiresAt,
      requested_by: request.requestedBy,
      requested_at: request.requestedAt,
      status: 'requested',
    });
    return (await this.getRequest(id))!;
  }

  async getRequest(id: string): Promise<StoredWaiverRequest | undefined> {
    const row = await this.db<RequestRow>('si_waiver_requests')
      .where({ id })
      .first();
    return row && toRequest(row);
  }

  async listRequests(entityRef: string): Promise<StoredWaiverRequest[]> {
    const rows = await this.db<RequestRow>('si_waiver_requests')
      .where({ entity_ref: entityRef })
      .orderBy([{ column: 'requested_at', order: 'desc' }, { column: 'id' }]);
    return rows.map(toRequest);
  }

  async decideRequest(
    id: string,
    decision: Parameters<WaiverRequestStore['decideRequest']>[1],
  ): Promise<StoredWaiverRequest | undefined> {
    // The status guard makes a second decision a no-op instead of rewriting the first.
    const updated = await this.db<RequestRow>('si_waiver_requests')
      .where({ id, status: 'requested' })
      .update({
        status: decision.status,
        decided_by: decision.decidedBy,
        decided_at: decision.decidedAt,
        decision_reason: decision.decisionReason ?? null,
        waiver_id: decision.waiverId ?? null,
      });
    return updated ? this.getRequest(id) : undefined;
  }
}
