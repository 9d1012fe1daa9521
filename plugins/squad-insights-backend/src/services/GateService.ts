import type {
  AuditorService,
  AuthService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  CompliancePolicy,
  decideGate,
  GateDecision,
  gateEnvironments,
  isDataClassification,
  readCriticality,
  squadInsightsGateDecidePermission as gatePermission,
  type GateDecisionResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { ComplianceStore } from '../database/ComplianceStore';
import type { GateStore, StoredGateDecision } from '../database/GateStore';
import { audited, requirePermission } from './complianceAccess';
import type { ComplianceService } from './ComplianceService';
import type { FactsService } from './FactsService';
import { gateOverrideView } from './GateOverrideService';
import { readPlanInput } from './gatePlan';

type Caller = BackstageCredentials<
  BackstageUserPrincipal | BackstageServicePrincipal
>;

/** A decision as the API shows it. @public */
export type GateDecisionView = GateDecisionResponse;

interface GateDeps {
  catalog: typeof catalogServiceRef.T;
  auth: AuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  userInfo: UserInfoService;
  policy: CompliancePolicy;
  compliance: Pick<ComplianceService, 'evaluateEntity'>;
  complianceStore: Pick<ComplianceStore, 'listWaivers' | 'listReviews'>;
  facts: Pick<FactsService, 'getEntityFacts'>;
  store: GateStore;
}

/**
 * The deployment gate: gathers a service's current results, waivers, reviews and facts (and a
 * plan's results), decides by the policy's `gate:`, stores and audits every decision.
 *
 * @public
 */
export class GateService {
  static create(options: GateDeps & { now?: () => Date }) {
    return new GateService(options, options.now ?? (() => new Date()));
  }

  private constructor(
    private readonly deps: GateDeps,
    private readonly now: () => Date,
  ) {}

  async decide(
    ref: CompoundEntityRef,
    input: {
      environment?: unknown;
      commit?: unknown;
      plan?: unknown;
      stateReference?: unknown;
    },
    { credentials }: { credentials: Caller },
  ): Promise<GateDecisionView> {
    const entityRef = stringifyEntityRef(ref);
    const caller = callerOf(credentials);
    const environment =
      typeof input.environment === 'string' ? input.environment.trim() : '';
    const commit = typeof input.commit === 'string' ? input.commit.trim() : '';
    const meta = { entityRef, environment, commit, caller };
    return audited(this.deps.auditor, 'gate-decide', meta, async () => {
      const gate = this.deps.policy.gate;
      if (
        gate?.requireServicePrincipal &&
        credentials.principal.type !== 'service'
      ) {
        throw new NotAllowedError(
          'The compliance policy lets only pipelines ask the deployment gate (gate.requireServicePrincipal): use a service token from backend.auth.externalAccess, not a user token',
        );
      }
      await requirePermission(
        this.deps.permissions,
        gatePermission,
        credentials,
        'ask the deployment gate',
        entityRef,
      );
      if (!gate || !gate.environments[environment]) {
        const known = gateEnvironments(gate);
        throw new InputError(
          `environment ${JSON.stringify(
            environment,
          )} is not gated by the compliance policy; known: ${
            known.join(', ') || 'none'
          }`,
        );
      }
      if (!commit)
        throw new InputError('commit is required: the commit being deployed');
      if (commit.length > 128)
        throw new InputError('commit is longer than 128 characters');
      // A pipeline's token is restricted to this plugin's gate permission (accessRestrictions),
      // so it cannot read the catalog itself; once it has passed the gate permission above,
      // the facts are gathered with the plugin's own credentials. A user caller (allowed when
      // the policy does not require a service principal) reads as themselves, as elsewhere.
      const reader =
        credentials.principal.type === 'service'
          ? await this.deps.auth.getOwnServiceCredentials()
          : credentials;
      const entity = await this.deps.catalog.getEntityByRef(ref, {
        credentials: reader,
      });
      if (!entity)
        throw new NotFoundError(`No entity ${entityRef} in the catalog`);

      const facts = await this.deps.facts.getEntityFacts(ref, {
        credentials: reader,
      });
      const planned = readPlanInput(
        input.plan,
        input.stateReference,
        facts.states.map(s => s.reference),
      );
      const current = await this.deps.compliance.evaluateEntity(ref, {
        credentials: reader,
      });
      const plan =
        planned &&
        (
          await this.deps.compliance.evaluateEntity(ref, {
            credentials: reader,
            planned,
          })
        ).result;
      const waivers = (
        await this.deps.complianceStore.listWaivers(entityRef)
      ).filter(w => !w.revokedAt);
      const approved = (
        await this.deps.complianceStore.listReviews(entityRef)
      ).find(r => r.decision === 'approved');
      const classification = current.result.parameters.dataClassification;
      const now = this.now();
      const target = { entityRef, environment, commit };
      const judge = (
        override?: Awaited<ReturnType<GateStore['findUsableOverride']>>,
      ): GateDecision =>
        decideGate({
          gate,
          environment,
          profile: {
            dataClassification:
              classification && isDataClassification(classification)
                ? classification
                : undefined,
            complianceRequirements:
              current.result.parameters.complianceRequirements,
          },
          criticality: readCriticality(entity).criticality,
          evaluation: current.result,
          waivers,
          latestApprovedReviewAt: approved?.createdAt,
          factsReadAt: oldestRead(facts, now),
          plan,
          override,
          now,
        });

      let decision = judge(
        await this.deps.store.findUsableOverride(target, now),
      );
      let stored: StoredGateDecision;
      try {
        stored = await this.store(target, decision, caller, now);
      } catch (error) {
        // Another pipeline used the override a moment ago: this call is judged without it.
        if (!(error instanceof ConflictError)) throw error;
        decision = judge(undefined);
        stored = await this.store(target, decision, caller, now);
      }
      const result: GateDecisionView = {
        ...this.view(stored, []),
        failClosed: decision.failClosed,
      };
      return {
        result,
        meta: {
          decisionId: stored.id,
          allowed: stored.allowed,
          overrideId: stored.overrideId ?? null,
        },
      };
    });
  }

  async listDecisions(
    ref: CompoundEntityRef,
    options: { limit?: unknown },
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<{ items: GateDecisionView[] }> {
    const entity = await this.deps.catalog.getEntityByRef(ref, { credentials });
    if (!entity)
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    const limit = options.limit === undefined ? 20 : Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new InputError('limit must be a whole number from 1 to 100');
    }
    const entityRef = stringifyEntityRef(entity);
    const decisions = await this.deps.store.listDecisions(entityRef, limit);
    const overrides = await this.deps.store.listOverrides(entityRef);
    return {
      items: decisions.map(d =>
        this.view(
          d,
          overrides.filter(o => o.decisionId === d.id),
        ),
      ),
    };
  }

  private store(
    target: { entityRef: string; environment: string; commit: string },
    decision: GateDecision,
    caller: string,
    now: Date,
  ) {
    return this.deps.store.insertDecision({
      ...target,
      allowed: decision.allowed,
      reasons: decision.reasons,
      caller,
      overrideId: decision.override?.id,
      createdAt: now,
    });
  }

  private view(
    d: StoredGateDecision,
    overrides: Parameters<typeof gateOverrideView>[0][],
  ): GateDecisionView {
    const now = this.now();
    return {
      ...d,
      createdAt: d.createdAt.toISOString(),
      overrides: overrides.map(o => gateOverrideView(o, now)),
    };
  }
}

/** Who asked, as stored and audited: a pipeline's subject (`external:ci`) or a user. */
function callerOf(credentials: Caller): string {
  const p = credentials.principal;
  return p.type === 'user' ? p.userEntityRef : p.subject;
}

/** When the oldest fact judged was read; undefined when one was never read. */
function oldestRead(
  facts: Awaited<ReturnType<FactsService['getEntityFacts']>>,
  now: Date,
): Date | undefined {
  const sources = [
    ...facts.states.map(s => s.freshness),
    ...(facts.consul ? [facts.consul.freshness] : []),
  ];
  // A service with no facts to read has nothing that could be stale.
  if (!sources.length) return now;
  if (sources.some(f => !f.readAt)) return undefined;
  return new Date(Math.min(...sources.map(f => Date.parse(f.readAt!))));
}
