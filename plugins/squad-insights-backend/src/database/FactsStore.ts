import type {
  InventoryResource,
  StateInventory,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * A stored Terraform state inventory with its freshness.
 *
 * @public
 */
export interface StateSnapshot {
  reference: string;
  marker?: string;
  /**
   * The id of the committed read this inventory is, when the store has one: the same id always
   * names the same inventory, so an answer built from it may be reused. Absent for a read that
   * has none (or was seen half replaced).
   */
  generation?: string;
  status: StateInventory['status'];
  serial?: number;
  inventory: StateInventory;
  readAt: Date;
  checkedAt: Date;
  lastError?: string;
  lastErrorAt?: Date;
}

/**
 * A stored Consul view of one service with its freshness. `view` is absent when the
 * service has never been read successfully.
 *
 * @public
 */
export interface ConsulSnapshot<TView = unknown> {
  serviceName: string;
  view?: TView;
  consulIndex?: number;
  readAt?: Date;
  lastError?: string;
  lastErrorAt?: Date;
}

/**
 * Writes one read of a state as it streams in, resource by resource, in bounded memory.
 * Nothing of it is visible until {@link StateReadWriter.commit}; a read that fails is
 * {@link StateReadWriter.abort | aborted} and leaves the last good inventory in place.
 *
 * @public
 */
export interface StateReadWriter {
  /**
   * Adds the next resource. Returns a promise when this resource completed a batch that is
   * now being written: the caller waits for it before handing on more (backpressure).
   */
  add(resource: InventoryResource): Promise<void> | undefined;
  /** Makes the read the state's current inventory, like `saveStateRead`. */
  commit(options: {
    marker?: string;
    inventory: Omit<StateInventory, 'resources'>;
    at: Date;
  }): Promise<void>;
  /** Discards what was written of a read that failed. */
  abort(): Promise<void>;
}

/**
 * Storage of the facts. Writes never delete a good inventory because a source failed:
 * failures are recorded next to the last good value.
 *
 * @public
 */
export interface FactsStore {
  /** Stores a newly read inventory; adds a history row when the marker changed. */
  saveStateRead(options: {
    reference: string;
    marker?: string;
    inventory: StateInventory;
    at: Date;
  }): Promise<void>;
  /** Starts a streamed read of a state: the bounded-memory way of `saveStateRead`. */
  startStateRead(reference: string): StateReadWriter;
  /** The markers were unchanged: only the check time moves, and any old error is cleared. */
  markStatesChecked(references: string[], at: Date): Promise<void>;
  /** Stored change markers only, without loading inventories: the cheap side of a pass. */
  getStateMarkers(
    references: string[],
  ): Promise<Map<string, string | undefined>>;
  /** A read failed: keep the last good inventory, remember the error. */
  recordStateError(reference: string, error: string, at: Date): Promise<void>;
  getStateSnapshots(references: string[]): Promise<StateSnapshot[]>;
  getStateHistory(
    reference: string,
    options?: { limit?: number },
  ): Promise<
    Array<{
      marker?: string;
      serial?: number;
      resourceCount: number;
      readAt: Date;
    }>
  >;

  /** Replaces the set of states an entity names. */
  setEntityStates(entityRef: string, references: string[]): Promise<void>;
  getEntityStates(entityRef: string): Promise<string[]>;
  /**
   * The states each of these entities names, as {@link FactsStore.getEntityStates} answers
   * them one by one (an entity naming none is absent); one query per few hundred entities,
   * for the portfolio's full pass.
   */
  getEntityStatesOf(entityRefs: string[]): Promise<Map<string, string[]>>;
  /** Every entity with facts, ordered by ref. */
  listEntityRefs(): Promise<string[]>;
  /**
   * Entities with facts, ordered by ref, for paging; only those in `visibleEntityRefs` (the
   * ones the caller may read in the catalog) when it is given, counted alike.
   */
  listEntities(options: {
    offset: number;
    limit: number;
    visibleEntityRefs?: readonly string[];
  }): Promise<{
    items: Array<{ entityRef: string; references: string[] }>;
    totalCount: number;
  }>;

  saveConsulView(options: {
    serviceName: string;
    view: unknown;
    consulIndex?: number;
    at: Date;
  }): Promise<void>;
  recordConsulError(
    serviceName: string,
    error: string,
    at: Date,
  ): Promise<void>;
  getConsulSnapshot(serviceName: string): Promise<ConsulSnapshot | undefined>;
  /** {@link FactsStore.getConsulSnapshot} of many services at once, by service name. */
  getConsulSnapshots(
    serviceNames: string[],
  ): Promise<Map<string, ConsulSnapshot>>;
}
