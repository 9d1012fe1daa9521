import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  CompliancePolicy,
  EntityComplianceResponse,
  evaluate,
  EvaluationInput,
  GroupIdentity,
  GroupSummary,
  InventorySource,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { AttestationStore } from '../database/AttestationStore';
import type { ComplianceStore } from '../database/ComplianceStore';
import type { CatalogGroupDirectory } from './CatalogGroupDirectory';
import type { FactsService } from './FactsService';
import type { ServiceProfileService } from './ServiceProfileService';

/**
 * The compliance results of one service with what they were computed from: the API's
 * EntityCompliance. `stale` when an input is stale (affected checks are then `unknown` unless a
 * failure is seen); `bindings`, the state and Consul bindings judged, so a review snapshot
 * records which evidence the reviewer saw, is absent from results stored before bindings existed.
 *
 * @public
 */
export type EntityCompliance = EntityComplianceResponse;

/**
 * An evaluation with how long it holds by time alone. `validUntil` is the first moment a
 * waiver or attestation it applied expires or a fact it judged fresh turns stale; absent when
 * nothing in it changes with time.
 *
 * @public
 */
export interface TimedEntityCompliance {
  result: EntityCompliance;
  validUntil?: Date;
}

/**
 * The authors among these who may not decide on the entity now, each with why (see
 * `authorsInConflict` in separationOfDuties.ts).
 *
 * @public
 */
export type AuthorsInConflict = (
  entityRef: string,
  authors: string[],
) => Promise<Map<string, string>>;

function identityOf(
  group: GroupSummary | undefined,
): GroupIdentity | undefined {
  return (
    group && { ref: group.entityRef, names: [group.title], type: group.type }
  );
}

/**
 * Evaluates the policy against an entity's stored facts, its catalog profile and ownership,
 * and its unrevoked waivers and attestations (the engine judges expiry itself, so it needs no
 * job).
 * This always evaluates; `ComplianceResultsService` serves the stored evaluations.
 *
 * @public
 */
export class ComplianceService {
  static create(options: {
    policy: CompliancePolicy;
    facts: Pick<FactsService, 'getEntityFacts' | 'freshUntil'>;
    serviceProfile: ServiceProfileService;
    store: ComplianceStore;
    /** Absent: attested checks stay unknown, awaiting attestation. */
    attestations?: Pick<AttestationStore, 'listAttestations'>;
    /** The catalog's groups, so that a tag naming no group says so; absent: it reads as drift. */
    groups?: Pick<CatalogGroupDirectory, 'list'>;
    /**
     * Separation of duties at the time a decision is applied: the authors (of the waivers and
     * attestations) who own the service now, with why. Absent: every decision counts.
     */
    authorsInConflict?: AuthorsInConflict;
    now?: () => Date;
  }) {
    return new ComplianceService(options, options.now ?? (() => new Date()));
  }

  private constructor(
    private readonly deps: {
      policy: CompliancePolicy;
      facts: Pick<FactsService, 'getEntityFacts' | 'freshUntil'>;
      serviceProfile: ServiceProfileService;
      store: ComplianceStore;
      attestations?: Pick<AttestationStore, 'listAttestations'>;
      groups?: Pick<CatalogGroupDirectory, 'list'>;
      authorsInConflict?: AuthorsInConflict;
    },
    private readonly now: () => Date,
  ) {}

  /** The policy in force, for validating check ids of new waivers. */
  get policy(): CompliancePolicy {
    return this.deps.policy;
  }

  async getEntityCompliance(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityCompliance> {
    return (await this.evaluateEntity(ref, options)).result;
  }

  async evaluateEntity(
    ref: CompoundEntityRef,
    {
      credentials,
      planned,
    }: {
      credentials: BackstageCredentials;
      /** What a plan would leave in one declared state, judged in its place (the deployment gate). */
      planned?: { reference: string; inventory: InventorySource['inventory'] };
    },
  ): Promise<TimedEntityCompliance> {
    // Both reads go through the catalog with the caller's credentials (404 / permissions).
    const { entityRef, profile, ownership, problems } =
      await this.deps.serviceProfile.getProfile(ref, { credentials });
    const facts = await this.deps.facts.getEntityFacts(ref, { credentials });
    const inventories: InventorySource[] = facts.states.map(s =>
      planned?.reference === s.reference
        ? { reference: s.reference, inventory: planned.inventory }
        : {
            reference: s.reference,
            inventory: s.inventory,
            // A state never read carries an empty inventory: stale, so it counts as missing.
            stale: s.freshness.stale,
            serial: s.inventory.serial,
          },
    );
    const consulMarker = Number(facts.consul?.freshness.marker);
    const consul: EvaluationInput['consul'] = facts.consul && {
      view: facts.consul.view,
      stale: facts.consul.freshness.stale,
      index: Number.isFinite(consulMarker) ? consulMarker : undefined,
    };
    const unrevokedWaivers = (
      await this.deps.store.listWaivers(entityRef)
    ).filter(w => !w.revokedAt);
    // Expired ones too: the engine fails a check whose attestation lapsed, rather than
    // leaving it "awaiting" as if nobody had ever attested it. Revoked ones count as never made.
    const unrevokedAttestations = (
      (await this.deps.attestations?.listAttestations(entityRef)) ?? []
    ).filter(a => !a.revokedAt);
    // Ownership moves after a grant (the author joins the squad, the service moves to theirs):
    // a decision by someone who owns the service now no longer counts, and the page says why.
    const conflicts = await this.deps.authorsInConflict?.(entityRef, [
      ...unrevokedWaivers.map(w => w.grantedBy),
      ...unrevokedAttestations.map(a => a.attestedBy),
    ]);
    const voided: string[] = [];
    const counts = (what: string, checkId: string, author: string) => {
      const conflict = conflicts?.get(author);
      if (conflict)
        voided.push(
          `${what} of ${checkId} is not applied (separation of duties): ${conflict}`,
        );
      return !conflict;
    };
    const waivers = unrevokedWaivers
      .filter(w => counts(`Waiver ${w.id}`, w.checkId, w.grantedBy))
      .map(w => ({
        checkId: w.checkId,
        expiresAt: w.expiresAt,
        reason: w.justification,
      }));
    const attestations = unrevokedAttestations
      .filter(a => counts(`Attestation ${a.id}`, a.checkId, a.attestedBy))
      .map(
        ({
          checkId,
          statement,
          evidenceUrl,
          attestedBy,
          attestedAt,
          expiresAt,
        }) => ({
          checkId,
          statement,
          evidenceUrl,
          attestedBy,
          attestedAt,
          expiresAt,
        }),
      );
    const now = this.now();
    const evaluation = evaluate(this.deps.policy, {
      profile,
      groups: await this.deps.groups?.list(),
      // Tags name groups by their titles as often as by their refs ("Payments Squad").
      ownership: {
        squad: identityOf(ownership.squad),
        tribe: identityOf(ownership.tribe),
        chapter: identityOf(ownership.chapter),
        guild: identityOf(ownership.guild),
      },
      inventories,
      consul,
      waivers,
      attestations,
      now,
      entityRef,
    });
    const result: EntityCompliance = {
      entityRef,
      evaluatedAt: now.toISOString(),
      stale: inventories.some(i => i.stale) || Boolean(consul?.stale),
      problems: [
        ...problems.map(p => `${p.annotation}: ${p.message}`),
        ...facts.problems,
        ...voided,
      ],
      bindings: facts.bindings,
      ...evaluation,
    };
    const changes = [
      ...waivers.filter(w => w.expiresAt > now).map(w => w.expiresAt.getTime()),
      ...attestations
        .filter(a => a.expiresAt > now)
        .map(a => a.expiresAt.getTime()),
      this.deps.facts.freshUntil(facts)?.getTime() ?? Infinity,
    ];
    const earliest = Math.min(...changes);
    return {
      result,
      validUntil: Number.isFinite(earliest) ? new Date(earliest) : undefined,
    };
  }
}
