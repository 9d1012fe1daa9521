import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type {
  GateStore,
  StoredGateDecision,
  StoredGateOverride,
} from './GateStore';
import { dateFromDb, DbTime } from './dbTime';

const migrationsDir = resolvePackagePath(
  '@squad-insights/backstage-plugin-squad-insights-backend',
  'migrations',
);

type DecisionRow = {
  id: string;
  entity_ref: string;
  environment: string;
  commit: string;
  allowed: boolean | number;
  reasons: string;
  caller: string;
  override_id: string | null;
  created_at: DbTime;
};

type OverrideRow = {
  id: string;
  decision_id: string;
  entity_ref: string;
  environment: string;
  commit: string;
  reason: string;
  granted_by: string;
  granted_at: DbTime;
  expires_at: DbTime;
  consumed_by: string | null;
  consumed_at: DbTime | null;
};

// PostgreSQL hands back booleans, SQLite 0/1; timestamps go through dateFromDb.
function toDecision(r: DecisionRow): StoredGateDecision {
  return {
    id: r.id,
    entityRef: r.entity_ref,
    environment: r.environment,
    commit: r.commit,
    allowed: Boolean(r.allowed),
    reasons: JSON.parse(r.reasons),
    caller: r.caller,
    overrideId: r.override_id ?? undefined,
    createdAt: dateFromDb(r.created_at),
  };
}

function toOverride(r: OverrideRow): StoredGateOverride {
  return {
    id: r.id,
    decisionId: r.decision_id,
    entityRef: r.entity_ref,
    environment: r.environment,
    commit: r.commit,
    reason: r.reason,
    grantedBy: r.granted_by,
    grantedAt: dateFromDb(r.granted_at),
    expiresAt: dateFromDb(r.expires_at),
    consumedBy: r.consumed_by ?? undefined,
    consumedAt: r.consumed_at === null ? undefined : dateFromDb(r.consumed_at),
  };
}

/**
 * {@link GateStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @public
 */
export class DatabaseGateStore implements GateStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseGateStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseGateStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async insertDecision(
    decision: Omit<StoredGateDecision, 'id'>,
  ): Promise<StoredGateDecision> {
    const id = randomUUID();
    await this.db.transaction(async trx => {
      if (decision.overrideId) {
        // The guard makes an override usable once, even by two pipelines asking at once.
        const used = await trx<OverrideRow>('si_gate_overrides')
          .where({ id: decision.overrideId })
          .whereNull('consumed_by')
          .update({ consumed_by: id, consumed_at: decision.createdAt });
        if (!used)
          throw new ConflictError(
            `Override ${decision.overrideId} was already used`,
          );
      }
      await trx<DecisionRow>('si_gate_decisions').insert({
        id,
        entity_ref: decision.entityRef,
        environment: decision.environment,
        commit: decision.commit,
        allowed: decision.allowed,
        reasons: JSON.stringify(decision.reasons),
        caller: decision.caller,
        override_id: decision.overrideId ?? null,
        created_at: decision.createdAt,
      });
    });
    return (await this.getDecision(id))!;
  }

  async getDecision(id: string): Promise<StoredGateDecision | undefined> {
    const row = await this.db<DecisionRow>('si_gate_decisions')
      .where({ id })
      .first();
    return row && toDecision(row);
  }

  async listDecisions(
    entityRef: string,
    limit: number,
  ): Promise<StoredGateDecision[]> {
    const rows = await this.db<DecisionRow>('si_gate_decisions')
      .where({ entity_ref: entityRef })
      .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id' }])
      .limit(limit);
    return rows.map(toDecision);
  }

  async latestDecisions(
    entityRefs: string[],
  ): Promise<Map<string, StoredGateDecision>> {
    const out = new Map<string, StoredGateDecision>();
    // Chunked: SQLite allows at most 999 bound parameters per statement.
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows: DecisionRow[] = await this.latestRows(
        entityRefs.slice(i, i + 500),
      ).select('d.*');
      for (const row of rows)
        if (!out.has(row.entity_ref)) out.set(row.entity_ref, toDecision(row));
    }
    return out;
  }

  async entitiesByLastGate(outcome: 'allowed' | 'denied'): Promise<string[]> {
    // One row per gated entity (plus ties), not their reasons: cheap even for the whole catalog.
    const rows: Array<Pick<DecisionRow, 'entity_ref' | 'allowed'>> =
      await this.latestRows().select('d.entity_ref', 'd.allowed');
    const latest = new Map<string, boolean>();
    for (const row of rows)
      if (!latest.has(row.entity_ref))
        latest.set(row.entity_ref, Boolean(row.allowed));
    const allowed = outcome === 'allowed';
    return [...latest].filter(([, a]) => a === allowed).map(([ref]) => ref);
  }

  /**
   * The decisions made at their entity's latest `created_at`, ordered by id: the first row of
   * an entity is its latest decision (two decisions in the same millisecond fall to the id).
   */
  private latestRows(entityRefs?: string[]): Knex.QueryBuilder {
    const latest = this.db<DecisionRow>('si_gate_decisions')
      .select('entity_ref')
      .max({ at: 'created_at' })
      .modify(q => void (entityRefs && q.whereIn('entity_ref', entityRefs)))
      .groupBy('entity_ref')
      .as('latest');
    return this.db('si_gate_decisions as d')
      .join(latest, join =>
        join
          .on('d.entity_ref', 'latest.entity_ref')
          .andOn('d.created_at', 'latest.at'),
      )
      .orderBy('d.id');
  }

  async insertOverride(
    override: Omit<StoredGateOverride, 'id' | 'consumedBy' | 'consumedAt'>,
  ): Promise<StoredGateOverride> {
    const id = randomUUID();
    await this.db<OverrideRow>('si_gate_overrides').insert({
      id,
      decision_id: override.decisionId,
      entity_ref: override.entityRef,
      environment: override.environment,
      commit: override.commit,
      reason: override.reason,
      granted_by: override.grantedBy,
      granted_at: override.grantedAt,
      expires_at: override.expiresAt,
    });
    const row = await this.db<OverrideRow>('si_gate_overrides')
      .where({ id })
      .first();
    return toOverride(row!);
  }

  async findUsableOverride(
    target: { entityRef: string; environment: string; commit: string },
    now: Date,
  ): Promise<StoredGateOverride | undefined> {
    const row = await this.db<OverrideRow>('si_gate_overrides')
      .where({
        entity_ref: target.entityRef,
        environment: target.environment,
        commit: target.commit,
      })
      .whereNull('consumed_by')
      .where('expires_at', '>', now)
      .orderBy([{ column: 'granted_at', order: 'asc' }, { column: 'id' }])
      .first();
    return row && toOverride(row);
  }

  async listOverrides(entityRef: string): Promise<StoredGateOverride[]> {
    const rows = await this.db<OverrideRow>('si_gate_overrides')
      .where({ entity_ref: entityRef })
      .orderBy([{ column: 'granted_at', order: 'desc' }, { column: 'id' }]);
    return rows.map(toOverride);
  }
}
