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
  AttestationResponse,
  AttestationsResponse,
  AttestedCheckInfo,
  CompliancePolicy,
  isEvidenceUrl,
  latestAttestationExpiry,
  squadInsightsAttestationCreatePermission as createPermission,
  squadInsightsAttestationRevokePermission as revokePermission,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type {
  AttestationStore,
  StoredAttestation,
} from '../database/AttestationStore';
import { audited, requirePermission } from './complianceAccess';
import type { ComplianceService, EntityCompliance } from './ComplianceService';
import {
  assertSeparationOfDuties,
  SeparationOfDutiesScope,
} from './separationOfDuties';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/** What the service works with. */
interface AttestationDeps {
  catalog: typeof catalogServiceRef.T;
  auth: AuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  userInfo: UserInfoService;
  store: AttestationStore;
  policy: CompliancePolicy;
  /** Evaluates the entity now, to refuse attesting a check that does not apply to it. */
  compliance: Pick<ComplianceService, 'getEntityCompliance'>;
  /** The waiver settings: separation of duties applies to attestations exactly as to waivers. */
  allowSelfWaivers: boolean;
  separationOfDutiesScope?: SeparationOfDutiesScope;
}

/** What `POST .../attestations` accepts; every field is checked here, not trusted. */
export interface AttestationInput {
  checkId?: string;
  statement?: string;
  evidenceUrl?: string;
  expiresAt?: string;
}

/** The policy's attested checks with their longest validity. */
export function attestedChecks(policy: CompliancePolicy): AttestedCheckInfo[] {
  return policy.checks.flatMap(c =>
    c.attested && c.enabled !== false
      ? [
          {
            checkId: c.id,
            title: c.title,
            controls: c.controls,
            maxValidityDays: c.attested.maxValidityDays,
          },
        ]
      : [],
  );
}

/**
 * Refuses an attestation of a check that does not apply to the service, saying why: an
 * attestation there would count for nothing and mislead whoever reads it later.
 */
function assertApplies(checkId: string, evaluation: EntityCompliance): void {
  const check = evaluation.checks.find(c => c.checkId === checkId);
  if (!check || check.status !== 'not-applicable') return;
  // The engine's reason for a framework that does not apply only lists the frameworks; the
  // frameworks' own reasons say what the service would have to declare.
  const frameworks = evaluation.frameworks.filter(f =>
    check.frameworks.includes(f.id),
  );
  const why =
    frameworks.length && frameworks.every(f => !f.applies)
      ? frameworks.map(f => `${f.id} ${f.reason}`).join('; ')
      : check.reason ?? 'not applicable';
  throw new InputError(
    `checkId ${checkId} does not apply to ${evaluation.entityRef}: ${why}`,
  );
}

/**
 * Attestations of the controls a policy marks `attested`: a reviewer's statement with a link
 * to the evidence, valid until it expires (at most the check's `attested.maxValidityDays`) or
 * is revoked, never deleted. Each is permission-checked, bound by separation of duties as
 * waivers are, and recorded as an audit event. Writes go through a store that publishes
 * `attestation-recorded`, on which the stored results and portfolio row are refreshed (see
 * `events/refreshPortfolioOnEvents`).
 *
 * @public
 */
export class AttestationService {
  static create(options: AttestationDeps & { now?: () => Date }) {
    return new AttestationService(options, options.now ?? (() => new Date()));
  }

  private constructor(
    private readonly deps: AttestationDeps,
    private readonly now: () => Date,
  ) {}

  async listAttestations(
    ref: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<AttestationsResponse> {
    const entityRef = await this.entityRef(ref, credentials);
    const stored = await this.deps.store.listAttestations(entityRef);
    return {
      items: stored.map(a => this.view(a)),
      checks: attestedChecks(this.deps.policy),
    };
  }

  async attest(
    ref: CompoundEntityRef,
    input: AttestationInput,
    { credentials }: { credentials: UserCredentials },
  ): Promise<AttestationResponse> {
    const user = credentials.principal.userEntityRef;
    const meta = {
      entityRef: stringifyEntityRef(ref),
      checkId: input.checkId ?? null,
      user,
    };
    return audited(this.deps.auditor, 'attestation-create', meta, async () => {
      await requirePermission(
        this.deps.permissions,
        createPermission,
        credentials,
        'attest compliance controls',
        meta.entityRef,
      );
      const entity = await this.deps.catalog.getEntityByRef(ref, {
        credentials,
      });
      if (!entity)
        throw new NotFoundError(
          `No entity ${stringifyEntityRef(ref)} in the catalog`,
        );
      const now = this.now();
      const valid = this.validate(input, now);
      // A fresh evaluation rather than the stored one: the service may have declared a
      // framework since, and attesting is rare enough to afford it.
      const evaluation = await this.deps.compliance.getEntityCompliance(ref, {
        credentials,
      });
      assertApplies(valid.checkId, evaluation);
      await assertSeparationOfDuties({
        catalog: this.deps.catalog,
        auth: this.deps.auth,
        userInfo: this.deps.userInfo,
        entity,
        credentials,
        allowSelf: this.deps.allowSelfWaivers,
        scope: this.deps.separationOfDutiesScope,
        action: 'attest its controls',
      });
      const stored = await this.deps.store.insertAttestation({
        entityRef: stringifyEntityRef(entity),
        ...valid,
        attestedBy: user,
        attestedAt: now,
      });
      return {
        result: this.view(stored),
        meta: {
          attestationId: stored.id,
          expiresAt: stored.expiresAt.toISOString(),
        },
      };
    });
  }

  async revokeAttestation(
    ref: CompoundEntityRef,
    id: string,
    input: { reason?: string },
    { credentials }: { credentials: UserCredentials },
  ): Promise<AttestationResponse> {
    const user = credentials.principal.userEntityRef;
    const meta = {
      entityRef: stringifyEntityRef(ref),
      attestationId: id,
      user,
    };
    return audited(this.deps.auditor, 'attestation-revoke', meta, async () => {
      await requirePermission(
        this.deps.permissions,
        revokePermission,
        credentials,
        'revoke attestations',
        meta.entityRef,
      );
      const entityRef = await this.entityRef(ref, credentials);
      const existing = await this.deps.store.getAttestation(id);
      if (!existing || existing.entityRef !== entityRef) {
        throw new NotFoundError(`No attestation ${id} for ${entityRef}`);
      }
      const revoked = await this.deps.store.revokeAttestation(id, {
        revokedBy: user,
        revokedAt: this.now(),
        revokeReason: input.reason?.trim() || undefined,
      });
      if (!revoked)
        throw new InputError(`Attestation ${id} is already revoked`);
      return { result: this.view(revoked) };
    });
  }

  /** The fields of a new attestation, or an InputError naming the first field that is wrong. */
  private validate(input: AttestationInput, now: Date) {
    const statement = input.statement?.trim();
    if (!statement)
      throw new InputError(
        'statement is required: what is in place, and how is it done?',
      );
    const evidenceUrl = input.evidenceUrl?.trim() ?? '';
    if (!isEvidenceUrl(evidenceUrl)) {
      throw new InputError(
        `evidenceUrl must be an http or https URL, got ${JSON.stringify(
          input.evidenceUrl ?? '',
        )}`,
      );
    }
    const check = this.deps.policy.checks.find(
      c => c.id === input.checkId && c.enabled !== false,
    );
    if (!check) {
      throw new InputError(
        `checkId ${JSON.stringify(
          input.checkId ?? '',
        )} is not a check of the policy`,
      );
    }
    if (!check.attested) {
      throw new InputError(
        `checkId ${check.id} is not an attested check of the policy: it is judged from the deployed facts`,
      );
    }
    const expiresAt = new Date(input.expiresAt ?? NaN);
    if (Number.isNaN(expiresAt.getTime()))
      throw new InputError('expiresAt must be a date-time');
    if (expiresAt <= now)
      throw new InputError('expiresAt must be in the future');
    const { maxValidityDays } = check.attested;
    const latest = latestAttestationExpiry(now, maxValidityDays);
    if (expiresAt > latest) {
      throw new InputError(
        `expiresAt must be at most ${maxValidityDays} days ahead (attested.maxValidityDays of ${
          check.id
        }), by ${latest.toISOString()}`,
      );
    }
    return { checkId: check.id, statement, evidenceUrl, expiresAt };
  }

  private async entityRef(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ) {
    const entity = await this.deps.catalog.getEntityByRef(ref, { credentials });
    if (!entity)
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    return stringifyEntityRef(entity);
  }

  private view(a: StoredAttestation): AttestationResponse {
    let status: AttestationResponse['status'] = 'current';
    if (a.revokedAt) status = 'revoked';
    else if (a.expiresAt <= this.now()) status = 'expired';
    return {
      ...a,
      attestedAt: a.attestedAt.toISOString(),
      expiresAt: a.expiresAt.toISOString(),
      revokedAt: a.revokedAt?.toISOString(),
      status,
    };
  }
}
