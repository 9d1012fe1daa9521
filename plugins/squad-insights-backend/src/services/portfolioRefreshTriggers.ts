import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  AttestationStore,
  StoredAttestation,
} from '../database/AttestationStore';
import type {
  ComplianceStore,
  StoredReview,
  StoredWaiver,
} from '../database/ComplianceStore';
import type { FactsStore } from '../database/FactsStore';
import type { CompliancePortfolioService } from './CompliancePortfolioService';

type Portfolio = Pick<CompliancePortfolioService, 'refresh' | 'refreshSources'>;

/**
 * Keeps portfolio rows (and the stored results the entity endpoint serves) current by watching
 * the writes that change a verdict: new facts, a source starting to fail, a changed set of
 * states, waivers granted or revoked, attestations made or revoked, reviews recorded. It wraps
 * the stores the writers already use, so ingestion and the decision service need not know the
 * portfolio exists. The ingesters are built before the portfolio they feed, hence `connect`.
 *
 * A failed refresh is logged and never fails the write it follows: the decision or the fact
 * is recorded, and the scheduled full refresh repairs the row.
 *
 * @public
 */
export class PortfolioRefreshTriggers {
  private portfolio?: Portfolio;

  constructor(private readonly logger: LoggerService) {}

  connect(portfolio: Portfolio): void {
    this.portfolio = portfolio;
  }

  /** The facts store for the ingesters and the facts service. */
  facts(store: FactsStore): FactsStore {
    const after = this.after.bind(this);
    return {
      async saveStateRead(options) {
        await store.saveStateRead(options);
        await after(p => p.refreshSources([`state:${options.reference}`]));
      },
      async saveConsulView(options) {
        await store.saveConsulView(options);
        await after(p => p.refreshSources([`consul:${options.serviceName}`]));
      },
      async setEntityStates(entityRef, references) {
        // The scanner rewrites every entity's states each pass; only a change matters here.
        const before = await store.getEntityStates(entityRef);
        await store.setEntityStates(entityRef, references);
        if (
          [...before].sort().join('\n') !== [...references].sort().join('\n')
        ) {
          await after(p => p.refresh(entityRef));
        }
      },
      startStateRead(reference) {
        const writer = store.startStateRead(reference);
        return {
          add: resource => writer.add(resource),
          abort: () => writer.abort(),
          async commit(options) {
            await writer.commit(options);
            await after(p => p.refreshSources([`state:${reference}`]));
          },
        };
      },
      markStatesChecked: (references, at) =>
        store.markStatesChecked(references, at),
      getStateMarkers: references => store.getStateMarkers(references),
      async recordStateError(reference, error, at) {
        // Only the first failure changes a verdict (its facts turn stale); repeats do not.
        const [before] = await store.getStateSnapshots([reference]);
        await store.recordStateError(reference, error, at);
        if (before && !before.lastError) {
          await after(p => p.refreshSources([`state:${reference}`]));
        }
      },
      getStateSnapshots: references => store.getStateSnapshots(references),
      getStateHistory: (reference, options) =>
        store.getStateHistory(reference, options),
      getEntityStates: entityRef => store.getEntityStates(entityRef),
      listEntityRefs: () => store.listEntityRefs(),
      listEntities: options => store.listEntities(options),
      async recordConsulError(serviceName, error, at) {
        const before = await store.getConsulSnapshot(serviceName);
        await store.recordConsulError(serviceName, error, at);
        if (before && !before.lastError) {
          await after(p => p.refreshSources([`consul:${serviceName}`]));
        }
      },
      getConsulSnapshot: serviceName => store.getConsulSnapshot(serviceName),
    };
  }

  /** The compliance store for the decision service. */
  decisions(store: ComplianceStore): ComplianceStore {
    const after = this.after.bind(this);
    const refreshed = async <T extends StoredWaiver | StoredReview | undefined>(
      written: T,
    ) => {
      if (written) await after(p => p.refresh(written.entityRef));
      return written;
    };
    return {
      insertWaiver: async waiver => refreshed(await store.insertWaiver(waiver)),
      revokeWaiver: async (id, revocation) =>
        refreshed(await store.revokeWaiver(id, revocation)),
      insertReview: async review => refreshed(await store.insertReview(review)),
      getWaiver: id => store.getWaiver(id),
      listWaivers: entityRef => store.listWaivers(entityRef),
      listReviews: entityRef => store.listReviews(entityRef),
    };
  }

  /** The attestation store for the attestation service. */
  attestations(store: AttestationStore): AttestationStore {
    const after = this.after.bind(this);
    const refreshed = async <T extends StoredAttestation | undefined>(
      written: T,
    ) => {
      if (written) await after(p => p.refresh(written.entityRef));
      return written;
    };
    return {
      insertAttestation: async a => refreshed(await store.insertAttestation(a)),
      revokeAttestation: async (id, revocation) =>
        refreshed(await store.revokeAttestation(id, revocation)),
      getAttestation: id => store.getAttestation(id),
      listAttestations: entityRef => store.listAttestations(entityRef),
    };
  }

  private async after(
    refresh: (portfolio: Portfolio) => Promise<unknown>,
  ): Promise<void> {
    if (!this.portfolio) return;
    try {
      await refresh(this.portfolio);
    } catch (error) {
      this.logger.warn(
        `Compliance portfolio refresh failed; the scheduled pass will retry: ${error}`,
      );
    }
  }
}
