import type {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  squadInsightsComplianceWaiverManagePermission as managePermission,
  squadInsightsComplianceWaiverRequestPermission as requestPermission,
  type WaiverRequestResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type {
  StoredWaiverRequest,
  WaiverRequestStore,
} from '../database/WaiverRequestStore';
import { audited, requirePermission } from './complianceAccess';
import type { ComplianceDecisionService } from './ComplianceDecisionService';
import type { ComplianceService } from './ComplianceService';
import { validWaiverTerms } from './waiverExpiry';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/** A waiver request as the API shows it. @public */
export type WaiverRequestView = WaiverRequestResponse;

interface WaiverRequestDeps {
  catalog: typeof catalogServiceRef.T;
  permissions: PermissionsService;
  auditor: AuditorService;
  store: WaiverRequestStore;
  compliance: Pick<ComplianceService, 'policy'>;
  decisions: Pick<ComplianceDecisionService, 'grantWaiver' | 'revokeWaiver'>;
}

const view = (r: StoredWaiverRequest): WaiverRequestView => ({
  ...r,
  expiresAt: r.expiresAt.toISOString(),
  requestedAt: r.requestedAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString(),
});

/**
 * Waiver requests: squads that may not grant waivers ask for one, and a reviewer approves
 * (granting the waiver through {@link ComplianceDecisionService}, so its permission,
 * validation and separation of duties apply unchanged) or rejects. Every step is audited.
 *
 * @public
 */
export class WaiverRequestService {
  static create(options: WaiverRequestDeps & { now?: () => Date }) {
    return new WaiverRequestService(options, options.now ?? (() => new Date()));
  }

  private constructor(
    private readonly deps: WaiverRequestDeps,
    private readonly now: () => Date,
  ) {}

  async listRequests(
    ref: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ) {
    const entityRef = await this.entityRef(ref, credentials);
    return { items: (await this.deps.store.listRequests(entityRef)).map(view) };
  }

  async requestWaiver(
    ref: CompoundEntityRef,
    input: { checkId?: string; justification?: string; expiresAt?: string },
    { credentials }: { credentials: UserCredentials },
  ): Promise<WaiverRequestView> {
    const user = credentials.principal.userEntityRef;
    const meta = {
      entityRef: stringifyEntityRef(ref),
      checkId: input.checkId ?? null,
      user,
    };
    return audited(
      this.deps.auditor,
      'waiver-request-create',
      meta,
      async () => {
        await requirePermission(
          this.deps.permissions,
          requestPermission,
          credentials,
          'request a waiver',
          meta.entityRef,
        );
        const entityRef = await this.entityRef(ref, credentials);
        const justification = input.justification?.trim();
        if (!justification) throw new InputError('justification is required');
        const now = this.now();
        // Refused now, not at approval, when no reviewer could grant it (past or beyond the max).
        const { expiresAt } = validWaiverTerms(
          this.deps.compliance.policy,
          input,
          now,
        );
        const open = (await this.deps.store.listRequests(entityRef)).find(
          r => r.status === 'requested' && r.checkId === input.checkId,
        );
        if (open) {
          throw new ConflictError(
            `A waiver of ${input.checkId} for ${entityRef} is already requested (${open.id})`,
          );
        }
        const stored = await this.deps.store.insertRequest({
          entityRef,
          checkId: input.checkId!,
          justification,
          expiresAt,
          requestedBy: user,
          requestedAt: now,
        });
        return { result: view(stored), meta: { requestId: stored.id } };
      },
    );
  }

  /** Grants the requested waiver as the approving reviewer, and links it to the request. */
  async approveRequest(
    ref: CompoundEntityRef,
    id: string,
    { credentials }: { credentials: UserCredentials },
  ): Promise<WaiverRequestView> {
    const user = credentials.principal.userEntityRef;
    const meta = { entityRef: stringifyEntityRef(ref), requestId: id, user };
    return audited(
      this.deps.auditor,
      'waiver-request-approve',
      meta,
      async () => {
        await requirePermission(
          this.deps.permissions,
          managePermission,
          credentials,
          'approve waiver requests',
          meta.entityRef,
        );
        const request = await this.openRequest(ref, id, credentials);
        const waiver = await this.deps.decisions.grantWaiver(
          ref,
          {
            checkId: request.checkId,
            justification: request.justification,
            expiresAt: request.expiresAt.toISOString(),
          },
          { credentials },
        );
        const decided = await this.deps.store.decideRequest(id, {
          status: 'granted',
          decidedBy: user,
          decidedAt: this.now(),
          waiverId: waiver.id,
        });
        if (!decided) {
          // Another reviewer decided the request meanwhile: their decision stands, so the waiver
          // granted here must not apply twice (or against a rejection).
          await this.deps.decisions.revokeWaiver(
            ref,
            waiver.id,
            { reason: `request ${id} was decided by someone else` },
            { credentials },
          );
          throw new ConflictError(
            `Waiver request ${id} was decided by someone else meanwhile`,
          );
        }
        return { result: view(decided), meta: { waiverId: waiver.id } };
      },
    );
  }

  async rejectRequest(
    ref: CompoundEntityRef,
    id: string,
    input: { reason?: string },
    { credentials }: { credentials: UserCredentials },
  ): Promise<WaiverRequestView> {
    const user = credentials.principal.userEntityRef;
    const meta = { entityRef: stringifyEntityRef(ref), requestId: id, user };
    return audited(
      this.deps.auditor,
      'waiver-request-reject',
      meta,
      async () => {
        await requirePermission(
          this.deps.permissions,
          managePermission,
          credentials,
          'reject waiver requests',
          meta.entityRef,
        );
        await this.openRequest(ref, id, credentials);
        const decided = await this.deps.store.decideRequest(id, {
          status: 'rejected',
          decidedBy: user,
          decidedAt: this.now(),
          decisionReason: input.reason?.trim() || undefined,
        });
        if (!decided)
          throw new ConflictError(
            `Waiver request ${id} was decided by someone else meanwhile`,
          );
        return { result: view(decided) };
      },
    );
  }

  private async openRequest(
    ref: CompoundEntityRef,
    id: string,
    credentials: BackstageCredentials,
  ) {
    const entityRef = await this.entityRef(ref, credentials);
    const request = await this.deps.store.getRequest(id);
    if (!request || request.entityRef !== entityRef) {
      throw new NotFoundError(`No waiver request ${id} for ${entityRef}`);
    }
    if (request.status !== 'requested') {
      throw new ConflictError(
        `Waiver request ${id} is already ${request.status}`,
      );
    }
    return request;
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
}
