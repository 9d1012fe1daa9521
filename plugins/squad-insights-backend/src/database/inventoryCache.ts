import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * Parsed inventories by generation, the id a committed state read is stored under. A
 * generation's content never changes (a new read gets a new one; identical content keeps the
 * old one), so an entry never goes stale and needs no invalidation: the facts, footprint and
 * compliance routes of a service page then cost a row read instead of reading and parsing every
 * resource chunk on each request.
 *
 * Bounded by resources held, not entries: one large state weighs as much as many small ones.
 * The least recently used generations are dropped first. Entries are frozen, as every caller
 * gets the same object.
 */
export class InventoryCache {
  private readonly entries = new Map<string, StateInventory>();
  private held = 0;

  constructor(private readonly maxResources = 200_000) {}

  get(generation: string): StateInventory | undefined {
    const inventory = this.entries.get(generation);
    if (inventory) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(generation);
      this.entries.set(generation, inventory);
    }
    return inventory;
  }

  set(generation: string, inventory: StateInventory): StateInventory {
    const weight = inventory.resources.length + 1;
    // Larger than the whole budget: served, never kept.
    if (weight > this.maxResources) return inventory;
    Object.freeze(inventory.resources);
    const frozen = Object.freeze(inventory);
    this.delete(generation);
    while (this.held + weight > this.maxResources) {
      this.delete(this.entries.keys().next().value!);
    }
    this.entries.set(generation, frozen);
    this.held += weight;
    return frozen;
  }

  private delete(generation: string) {
    const old = this.entries.get(generation);
    if (!old) return;
    this.entries.delete(generation);
    this.held -= old.resources.length + 1;
  }
}
