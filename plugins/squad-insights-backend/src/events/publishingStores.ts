import type { AttestationStore } from '../database/AttestationStore';
import type { ComplianceStore } from '../database/ComplianceStore';
import type { FactsStore } from '../database/FactsStore';
import type { DomainEvents } from './DomainEvents';
import type { SquadInsightsEvents } from './SquadInsightsEvents';

type Events = Pick<DomainEvents<SquadInsightsEvents>, 'publish'>;

/**
 * The store with some methods replaced; every other member is the store's own, bound to it,
 * so a store gaining a method needs no change here.
 */
function withWrites<T extends object>(store: T, writes: Partial<T>): T {
  return new Proxy(store, {
    get(target, key) {
      if (Object.prototype.hasOwnProperty.call(writes, key)) {
        return writes[key as keyof T];
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The facts store, publishing `facts-changed` and `entity-states-changed` after its writes. */
export function factsStoreWithEvents(
  store: FactsStore,
  events: Events,
): FactsStore {
  const changed = (sources: string[]) =>
    events.publish('facts-changed', { sources });
  return withWrites<FactsStore>(store, {
    async saveStateRead(options) {
      await store.saveStateRead(options);
      await changed([`state:${options.reference}`]);
    },
    async saveConsulView(options) {
      await store.saveConsulView(options);
      await changed([`consul:${options.serviceName}`]);
    },
    async setEntityStates(entityRef, references) {
      // The scanner rewrites every entity's states each pass; only a change is an event.
      const before = await store.getEntityStates(entityRef);
      await store.setEntityStates(entityRef, references);
      if ([...before].sort().join('\n') !== [...references].sort().join('\n')) {
        await events.publish('entity-states-changed', { entityRef });
      }
    },
    startStateRead(reference) {
      const writer = store.startStateRead(reference);
      return {
        add: resource => writer.add(resource),
        abort: () => writer.abort(),
        async commit(options) {
          await writer.commit(options);
          await changed([`state:${reference}`]);
        },
      };
    },
    async recordStateError(reference, error, at) {
      // Only the first failure changes a verdict (its facts turn stale); repeats do not.
      const [before] = await store.getStateSnapshots([reference]);
      await store.recordStateError(reference, error, at);
      if (before && !before.lastError) await changed([`state:${reference}`]);
    },
    async recordConsulError(serviceName, error, at) {
      const before = await store.getConsulSnapshot(serviceName);
      await store.recordConsulError(serviceName, error, at);
      if (before && !before.lastError) await changed([`consul:${serviceName}`]);
    },
  });
}

/** The compliance store, publishing `decision-recorded` after a waiver or review is written. */
export function complianceStoreWithEvents(
  store: ComplianceStore,
  events: Events,
): ComplianceStore {
  const recorded = async <T extends { entityRef: string } | undefined>(
    written: T,
  ) => {
    if (written) {
      await events.publish('decision-recorded', {
        entityRef: written.entityRef,
      });
    }
    return written;
  };
  return withWrites<ComplianceStore>(store, {
    insertWaiver: async waiver => recorded(await store.insertWaiver(waiver)),
    revokeWaiver: async (id, revocation) =>
      recorded(await store.revokeWaiver(id, revocation)),
    insertReview: async review => recorded(await store.insertReview(review)),
  });
}

/** The attestation store, publishing `attestation-recorded` after an attestation is written. */
export function attestationStoreWithEvents(
  store: AttestationStore,
  events: Events,
): AttestationStore {
  const recorded = async <T extends { entityRef: string } | undefined>(
    written: T,
  ) => {
    if (written) {
      await events.publish('attestation-recorded', {
        entityRef: written.entityRef,
      });
    }
    return written;
  };
  return withWrites<AttestationStore>(store, {
    insertAttestation: async a => recorded(await store.insertAttestation(a)),
    revokeAttestation: async (id, revocation) =>
      recorded(await store.revokeAttestation(id, revocation)),
  });
}
