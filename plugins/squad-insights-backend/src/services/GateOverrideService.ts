import type {
  AuditorService,
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  CompliancePolicy,
  DEFAULT_GATE_OVERRIDE_MAX_HOURS,
  squadInsightsComplianceWaiverManagePermission as waiverPermission,
  type GateOverrideResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { GateStore, StoredGateOverride } from '../database/GateStore';
import { audited, requirePermission } from './complianceAccess';
import {
  assertSeparationOfDuties,
  SeparationOfDutiesScope,
} from './separationOfDuties';

const HOUR_MS = 3_600_000;

/** An override as the API shows it. @public */
export function gateOverrideView(
  o: StoredGateOverride,
  now: Date,
): GateOverrideResponse {
  let status: 'usable' | 'used' | 'expired' = 'usable';
  if (o.consumedBy) status = 'used';
  else if (o.expiresAt <= now) status = 'expired';
  return {
    ...o,
    grantedAt: o.grantedAt.toISOString(),
    expiresAt: o.expiresAt.toISOString(),
    consumedAt: o.consumedAt?.toISOString(),
    status,
  };
}

interface OverrideDeps {
  catalog: typeof catalogServiceRef.T;
  auth: AuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  userInfo: UserInfoService;
  policy: CompliancePolicy;
  store: GateStore;
  allowSelfWaivers: boolean;
  separationOfDutiesScope?: SeparationOfDutiesScope;
}

/**
 * Break-glass: a reviewer lets one denied deploy through. The same people as for waivers
 * (the waiver permission, separation of duties), for the denied decision's environment and
 * commit only, once, within the policy's `gate.overrideMaxHours`.
 *
 * @public
 */
export class GateOverrideService {
  static create(options: OverrideDeps & { now?: () => Date }) {
    return new GateOverrideService(options, options.now ?? (() => new Date()));
  }

  private constructor(
    private readonly deps: OverrideDeps,
    private readonly now: () => Date,
  ) {}

  async grant(
    ref: CompoundEntityRef,
    decisionId: string,
    input: { reason?: unknown; expiresInHours?: unknown },
    {
      credentials,
    }: { credentials: BackstageCredentials<BackstageUserPrincipal> },
  ) {
    const user = credentials.principal.userEntityRef;
    const entityRef = stringifyEntityRef(ref);
    return audited(
      this.deps.auditor,
      'gate-override',
      { entityRef, decisionId, user },
      async () => {
        await requirePermission(
          this.deps.permissions,
          waiverPermission,
          credentials,
          'override the deployment gate',
          entityRef,
        );
        const entity = await this.deps.catalog.getEntityByRef(ref, {
          credentials,
        });
        if (!entity)
          throw new NotFoundError(`No entity ${entityRef} in the catalog`);
        const decision = await this.deps.store.getDecision(decisionId);
        if (!decision || decision.entityRef !== stringifyEntityRef(entity)) {
          throw new NotFoundError(
            `No gate decision ${decisionId} for ${entityRef}`,
          );
        }
        if (decision.allowed)
          throw new InputError(
            `Gate decision ${decisionId} allowed the deploy; there is nothing to override`,
          );
        const reason =
          typeof input.reason === 'string' ? input.reason.trim() : '';
        if (!reason)
          throw new InputError(
            'reason is required: why the deploy may go ahead despite the gate',
          );
        const max =
          this.deps.policy.gate?.overrideMaxHours ??
          DEFAULT_GATE_OVERRIDE_MAX_HOURS;
        const hours =
          input.expiresInHours === undefined
            ? max
            : Number(input.expiresInHours);
        if (!Number.isFinite(hours) || hours <= 0 || hours > max) {
          throw new InputError(
            `expiresInHours must be more than 0 and at most ${max} (the policy's gate.overrideMaxHours)`,
          );
        }
        await assertSeparationOfDuties({
          catalog: this.deps.catalog,
          auth: this.deps.auth,
          userInfo: this.deps.userInfo,
          entity,
          credentials,
          allowSelf: this.deps.allowSelfWaivers,
          scope: this.deps.separationOfDutiesScope,
          action: 'override its deployment gate',
        });
        const now = this.now();
        const stored = await this.deps.store.insertOverride({
          decisionId,
          entityRef: decision.entityRef,
          environment: decision.environment,
          commit: decision.commit,
          reason,
          grantedBy: user,
          grantedAt: now,
          expiresAt: new Date(now.getTime() + hours * HOUR_MS),
        });
        return {
          result: gateOverrideView(stored, now),
          meta: {
            overrideId: stored.id,
            environment: stored.environment,
            commit: stored.commit,
            expiresAt: stored.expiresAt.toISOString(),
          },
        };
      },
    );
  }
}
