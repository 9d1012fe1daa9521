import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';
import type {
  ConsulSnapshot,
  FactsStore,
  StateReadWriter,
  StateSnapshot,
} from './FactsStore';
import {
  DatabaseStateReadWriter,
  RESOURCE_CHUNKS,
} from './DatabaseStateReadWriter';
import { whereVisible } from './visibleRefs';
import { dateFromDb } from './dbTime';
import { InventoryCache } from './inventoryCache';
import { groupByEntity, inBatches } from './inBatches';

const migrationsDir = resolvePackagePath(
  '@squad-insights/backstage-plugin-squad-insights-backend',
  'migrations',
);

type SnapshotRow = {
  reference: string;
  marker: string | null;
  status: string;
  serial: number | null;
  inventory: string;
  /** Null for rows written before resources were chunked: `inventory` then holds them. */
  generation: string | null;
  resource_count: number | string | null;
  read_at: Date | string;
  checked_at: Date | string;
  last_error: string | null;
  last_error_at: Date | string | null;
};

type ConsulRow = {
  service_name: string;
  view: string | null;
  consul_index: number | string | null;
  read_at: Date | string | null;
  last_error: string | null;
  last_error_at: Date | string | null;
};

// SQLite hands timestamps back as numbers or strings, PostgreSQL as Date objects.
const optionalDate = (v: Date | string | number | null) =>
  v === null ? undefined : dateFromDb(v);

function toConsulSnapshot(row: ConsulRow): ConsulSnapshot {
  return {
    serviceName: row.service_name,
    view: row.view ? JSON.parse(row.view) : undefined,
    consulIndex:
      row.consul_index === null ? undefined : Number(row.consul_index),
    readAt: optionalDate(row.read_at),
    lastError: row.last_error ?? undefined,
    lastErrorAt: optionalDate(row.last_error_at),
  };
}

/**
 * {@link FactsStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @public
 */
export class DatabaseFactsStore implements FactsStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseFactsStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseFactsStore(client);
  }

  private constructor(private readonly db: Knex) {}

  /** Inventories already read, by generation: a generation's content never changes. */
  private readonly inventories = new InventoryCache();

  async saveStateRead(options: {
    reference: string;
    marker?: string;
    inventory: StateInventory;
    at: Date;
  }): Promise<void> {
    const { reference, marker, inventory, at } = options;
    const writer = this.startStateRead(reference);
    try {
      for (const resource of inventory.resources) await writer.add(resource);
      await writer.commit({ marker, inventory, at });
    } catch (error) {
      await writer.abort();
      throw error;
    }
  }

  startStateRead(reference: string): StateReadWriter {
    return new DatabaseStateReadWriter(this.db, reference);
  }

  async markStatesChecked(references: string[], at: Date): Promise<void> {
    // One statement per chunk rather than per state: a pass with nothing changed must stay cheap.
    for (let i = 0; i < references.length; i += 500) {
      await this.db('si_state_snapshots')
        .whereIn('reference', references.slice(i, i + 500))
        .update({ checked_at: at, last_error: null, last_error_at: null });
    }
  }

  async getStateMarkers(
    references: string[],
  ): Promise<Map<string, string | undefined>> {
    const markers = new Map<string, string | undefined>();
    for (let i = 0; i < references.length; i += 500) {
      const rows = await this.db('si_state_snapshots')
        .whereIn('reference', references.slice(i, i + 500))
        .whereNotNull('marker')
        .select('reference', 'marker');
      rows.forEach(r => markers.set(r.reference, r.marker));
    }
    return markers;
  }

  async recordStateError(
    reference: string,
    error: string,
    at: Date,
  ): Promise<void> {
    const updated = await this.db('si_state_snapshots')
      .where({ reference })
      .update({ last_error: error, last_error_at: at });
    if (updated === 0) {
      // Never read successfully: keep an explicit "no good facts yet" row with the error.
      const empty: StateInventory = {
        status: 'no-state',
        format: 'empty',
        resources: [],
        outputs: {},
      };
      await this.db('si_state_snapshots')
        .insert({
          reference,
          marker: null,
          status: 'no-state',
          serial: null,
          inventory: JSON.stringify(empty),
          read_at: new Date(0),
          checked_at: at,
          last_error: error,
          last_error_at: at,
        })
        .onConflict('reference')
        .merge(['last_error', 'last_error_at']);
    }
  }

  async getStateSnapshots(references: string[]): Promise<StateSnapshot[]> {
    if (references.length === 0) return [];
    // A commit may replace a generation between the two queries; the counts then disagree
    // and the read is repeated, so a caller never sees half of an inventory.
    for (let attempt = 1; ; attempt++) {
      const rows = await this.db<SnapshotRow>('si_state_snapshots').whereIn(
        'reference',
        references,
      );
      // Looked up once: an entry dropped by a concurrent request must not read as empty.
      const cached = new Map(
        rows.flatMap(r => {
          const hit = r.generation && this.inventories.get(r.generation);
          return hit ? [[r.reference, hit] as const] : [];
        }),
      );
      const resources = await this.chunkedResources(
        rows.filter(r => !cached.has(r.reference)),
      );
      const complete = (r: SnapshotRow) =>
        (resources.get(r.generation!)?.length ?? 0) ===
        Number(r.resource_count);
      const torn = rows.some(
        r => r.generation && !cached.has(r.reference) && !complete(r),
      );
      if (torn && attempt < 3) continue;
      const inventoryOf = (r: SnapshotRow): StateInventory => {
        const hit = cached.get(r.reference);
        if (hit) return hit;
        const stored = JSON.parse(r.inventory);
        if (!r.generation) return stored;
        const inventory = {
          ...stored,
          resources: resources.get(r.generation) ?? [],
        };
        // Only a whole inventory is remembered; a torn last attempt is served, not kept.
        return complete(r)
          ? this.inventories.set(r.generation, inventory)
          : inventory;
      };
      return rows.map(r => {
        return {
          reference: r.reference,
          marker: r.marker ?? undefined,
          // Only a whole inventory is named: a torn read must not be reused under its id.
          generation:
            r.generation && (cached.has(r.reference) || complete(r))
              ? r.generation
              : undefined,
          status: r.status as StateSnapshot['status'],
          serial: r.serial ?? undefined,
          inventory: inventoryOf(r),
          readAt: dateFromDb(r.read_at),
          checkedAt: dateFromDb(r.checked_at),
          lastError: r.last_error ?? undefined,
          lastErrorAt: optionalDate(r.last_error_at),
        };
      });
    }
  }

  /** The resources of each chunked generation among `rows`, in the order they were read. */
  private async chunkedResources(rows: SnapshotRow[]) {
    const byGeneration = new Map<string, StateInventory['resources']>();
    const generations = rows.flatMap(r => (r.generation ? [r.generation] : []));
    for (let i = 0; i < generations.length; i += 500) {
      const chunks = await this.db(RESOURCE_CHUNKS)
        .whereIn('generation', generations.slice(i, i + 500))
        .orderBy(['generation', 'chunk'])
        .select('generation', 'resources');
      for (const c of chunks) {
        const list = byGeneration.get(c.generation) ?? [];
        for (const resource of JSON.parse(c.resources)) list.push(resource);
        byGeneration.set(c.generation, list);
      }
    }
    return byGeneration;
  }

  async getStateHistory(reference: string, options?: { limit?: number }) {
    const rows = await this.db('si_state_history')
      .where({ reference })
      .orderBy('id', 'desc')
      .limit(options?.limit ?? 50)
      .select('marker', 'serial', 'resource_count', 'read_at');
    return rows.map(r => ({
      marker: r.marker ?? undefined,
      serial: r.serial ?? undefined,
      resourceCount: Number(r.resource_count),
      readAt: dateFromDb(r.read_at),
    }));
  }

  async setEntityStates(
    entityRef: string,
    references: string[],
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('si_entity_states').where({ entity_ref: entityRef }).delete();
      if (references.length > 0) {
        await tx('si_entity_states').insert(
          references.map(reference => ({ entity_ref: entityRef, reference })),
        );
      }
    });
  }

  async getEntityStates(entityRef: string): Promise<string[]> {
    const rows = await this.db('si_entity_states')
      .where({ entity_ref: entityRef })
      .orderBy('reference')
      .select('reference');
    return rows.map(r => r.reference);
  }

  async listEntityRefs(): Promise<string[]> {
    const rows = await this.db('si_entity_states')
      .distinct('entity_ref')
      .orderBy('entity_ref');
    return rows.map(r => r.entity_ref as string);
  }

  async listEntities(options: {
    offset: number;
    limit: number;
    visibleEntityRefs?: readonly string[];
  }) {
    const visible = () =>
      whereVisible(
        this.db,
        this.db('si_entity_states'),
        'entity_ref',
        options.visibleEntityRefs,
      );
    const [{ count }] = await visible().countDistinct({ count: 'entity_ref' });
    const page = await visible()
      .distinct('entity_ref')
      .orderBy('entity_ref')
      .offset(options.offset)
      .limit(options.limit);
    const refs = page.map(r => r.entity_ref as string);
    const rows = refs.length
      ? await this.db('si_entity_states')
          .whereIn('entity_ref', refs)
          .orderBy('reference')
      : [];
    return {
      totalCount: Number(count),
      items: refs.map(entityRef => ({
        entityRef,
        references: rows
          .filter(r => r.entity_ref === entityRef)
          .map(r => r.reference),
      })),
    };
  }

  async saveConsulView(options: {
    serviceName: string;
    view: unknown;
    consulIndex?: number;
    at: Date;
  }): Promise<void> {
    await this.db('si_consul_views')
      .insert({
        service_name: options.serviceName,
        view: JSON.stringify(options.view),
        consul_index: options.consulIndex ?? null,
        read_at: options.at,
        last_error: null,
        last_error_at: null,
      })
      .onConflict('service_name')
      .merge();
  }

  async recordConsulError(
    serviceName: string,
    error: string,
    at: Date,
  ): Promise<void> {
    await this.db('si_consul_views')
      .insert({
        service_name: serviceName,
        last_error: error,
        last_error_at: at,
      })
      .onConflict('service_name')
      .merge(['last_error', 'last_error_at']);
  }

  async getConsulSnapshot(
    serviceName: string,
  ): Promise<ConsulSnapshot | undefined> {
    const row = await this.db<ConsulRow>('si_consul_views')
      .where({ service_name: serviceName })
      .first();
    return row && toConsulSnapshot(row);
  }

  async getConsulSnapshots(
    serviceNames: string[],
  ): Promise<Map<string, ConsulSnapshot>> {
    const found = new Map<string, ConsulSnapshot>();
    for (const names of inBatches([...new Set(serviceNames)])) {
      const rows = await this.db<ConsulRow>('si_consul_views').whereIn(
        'service_name',
        names,
      );
      for (const row of rows)
        found.set(row.service_name, toConsulSnapshot(row));
    }
    return found;
  }

  async getEntityStatesOf(
    entityRefs: string[],
  ): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    for (const refs of inBatches([...new Set(entityRefs)])) {
      // Ordered as getEntityStates orders one entity's states.
      const rows = await this.db('si_entity_states')
        .whereIn('entity_ref', refs)
        .orderBy(['entity_ref', 'reference'])
        .select('entity_ref', 'reference');
      groupByEntity(rows, r => r.reference as string, found);
    }
    return found;
  }
}
