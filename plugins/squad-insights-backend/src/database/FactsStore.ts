import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * A stored Terraform state inventory with its freshness.
 *
 * @public
 */
export interface StateSnapshot {
  reference: string;
  marker?: string;
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
  /** The markers were unchanged: only the check time moves, and any old error is cleared. */
  markStatesChecked(references: string[], at: Date): Promise<void>;
  /** Stored change markers only, without loading inventories: the cheap side of a pass. */
  getStateMarkers(references: string[]): Promise<Map<string, string | undefined>>;
  /** A read failed: keep the last good inventory, remember the error. */
  recordStateError(reference: string, error: string, at: Date): Promise<void>;
  getStateSnapshots(references: string[]): Promise<StateSnapshot[]>;
  getStateHistory(reference: string, options?: { limit?: number }): Promise<
    Array<{ marker?: string; serial?: number; resourceCount: number; readAt: Date }>
  >;

  /** Replaces the set of states an entity names. */
  setEntityStates(entityRef: string, references: string[]): Promise<void>;
  getEntityStates(entityRef: string): Promise<string[]>;
  /** Entities with facts, ordered by ref, for paging. */
  listEntities(options: { offset: number; limit: number }): Promise<{
    items: Array<{ entityRef: string; references: string[] }>;
    totalCount: number;
  }>;

  saveConsulView(options: {
    serviceName: string;
    view: unknown;
    consulIndex?: number;
    at: Date;
  }): Promise<void>;
  recordConsulError(serviceName: string, error: string, at: Date): Promise<void>;
  getConsulSnapshot(serviceName: string): Promise<ConsulSnapshot | undefined>;
}
