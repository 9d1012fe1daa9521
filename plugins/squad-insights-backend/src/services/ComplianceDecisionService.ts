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
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  squadInsightsComplianceReviewCreatePermission as reviewPermission,
  squadInsightsComplianceWaiverManagePermission as waiverPermission,
  type WaiverResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type {
  ComplianceStore,
  ReviewDecision,
  StoredWaiver,
} from '../database/ComplianceStore';
import { audited, requirePermission } from './complianceAccess';
import type { ComplianceService } from './ComplianceService';
import { validWaiverTerms } from './waiverExpiry';
import {
  assertSeparationOfDuties,
  SeparationOfDutiesScope,
} from './separationOfDuties';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/** A waiver as the API shows it, with whether it applies now. @public */
export type WaiverView = WaiverResponse;

/** What the service works with. */
interface DecisionDeps {
  catalog: typeof catalogServiceRef.T;
  auth: AuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  userInfo: UserInfoService;
  store: ComplianceStore;
  compliance: ComplianceService;
  allowSelfWaivers: boolean;
  separationOfDutiesScope?: SeparationOfDutiesScope;
}

/**
 * Human compliance decisions: waivers (granted and revoked, never deleted) and reviews (with
 * the results judged, frozen). Each is permission-checked and recorded as an audit event.
 *
 * @public
 */
export class ComplianceDecisionService {
  static create(options: DecisionDeps & { now?: () => Date }) {
    return new ComplianceDecisionService(
      options,
      options.now ?? (() => new Date()),
    );
  }

  private constructor(
    private readonly deps: DecisionDeps,
    private readonly now: () => Date,
  ) {}

  async listWaivers(
    ref: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ) {
    const entity = await this.entity(ref, credentials);
    const waivers = await this.deps.store.listWaivers(
      stringifyEntityRef(entity),
    );
    return { items: waivers.map(w => this.view(w)) };
  }

  async grantWaiver(
    ref: CompoundEntityRef,
    input: { checkId?: string; justification?: string; expiresAt?: string },
    { credentials }: { credentials: UserCredentials },
  ): Promise<WaiverView> {
    const user = credentials.principal.userEntityRef;
    const entityRef = stringifyEntityRef(ref);
    return audited(
      this.deps.auditor,
      'waiver-grant',
      { entityRef, checkId: input.checkId ?? null, user },
      async () => {
        await requirePermission(
          this.deps.permissions,
          waiverPermission,
          credentials,
          'manage the compliance waivers',
          entityRef,
        );
        const entity = await this.entity(ref, credentials);
        const justification = input.justification?.trim();
        if (!justification) throw new InputError('justification is required');
        const now = this.now();
        const { expiresAt } = validWaiverTerms(
          this.deps.compliance.policy,
          input,
          now,
        );
        await this.assertNotOwner(entity, credentials, 'waive its checks');
        const stored = await this.deps.store.insertWaiver({
          entityRef: stringifyEntityRef(entity),
          checkId: input.checkId!,
          justification,
          grantedBy: user,
          grantedAt: now,
          expiresAt,
        });
        return {
          result: this.view(stored),
          meta: { waiverId: stored.id, expiresAt: expiresAt.toISOString() },
        };
      },
    );
  }

  async revokeWaiver(
    ref: CompoundEntityRef,
    id: string,
    input: { reason?: string },
    { credentials }: { credentials: UserCredentials },
  ): Promise<WaiverView> {
    const user = credentials.principal.userEntityRef;
    const entityRef = stringifyEntityRef(ref);
    return audited(
      this.deps.auditor,
      'waiver-revoke',
      { entityRef, waiverId: id, user },
      async () => {
        await requirePermission(
          this.deps.permissions,
          waiverPermission,
          credentials,
          'manage the compliance waivers',
          entityRef,
        );
        const entity = await this.entity(ref, credentials);
        const existing = await this.deps.store.getWaiver(id);
        if (!existing || existing.entityRef !== stringifyEntityRef(entity)) {
          throw new NotFoundError(
            `No waiver ${id} for ${stringifyEntityRef(entity)}`,
          );
        }
        const revoked = await this.deps.store.revokeWaiver(id, {
          revokedBy: user,
          revokedAt: this.now(),
          revokeReason: input.reason?.trim() || undefined,
        });
        if (!revoked) throw new InputError(`Waiver ${id} is already revoked`);
        return { result: this.view(revoked) };
      },
    );
  }

  async listReviews(
    ref: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ) {
    const entity = await this.entity(ref, credentials);
    const reviews = await this.deps.store.listReviews(
      stringifyEntityRef(entity),
    );
    return {
      items: reviews.map(r => ({
        ...r,
        createdAt: r.createdAt.toISOString(),
        snapshot: JSON.parse(r.snapshot),
      })),
    };
  }

  async createReview(
    ref: CompoundEntityRef,
    input: { decision?: string; comment?: string },
    { credentials }: { credentials: UserCredentials },
  ) {
    const reviewer = credentials.principal.userEntityRef;
    const entityRef = stringifyEntityRef(ref);
    return audited(
      this.deps.auditor,
      'review-create',
      { entityRef, reviewer, decision: input.decision ?? null },
      async () => {
        await requirePermission(
          this.deps.permissions,
          reviewPermission,
          credentials,
          'record a compliance review',
          entityRef,
        );
        if (
          input.decision !== 'approved' &&
          input.decision !== 'changes_requested'
        ) {
          throw new InputError(
            'decision must be approved or changes_requested',
          );
        }
        // A review is a second pair of eyes: the owners' own, approving or not, is no review.
        await this.assertNotOwner(
          await this.entity(ref, credentials),
          credentials,
          'review it',
        );
        // The reviewer judged what the service shows now; that is what is kept.
        const results = await this.deps.compliance.getEntityCompliance(ref, {
          credentials,
        });
        const stored = await this.deps.store.insertReview({
          entityRef: results.entityRef,
          reviewer,
          decision: input.decision as ReviewDecision,
          comment: input.comment?.trim() || undefined,
          createdAt: this.now(),
          snapshot: JSON.stringify(results),
        });
        const result = {
          ...stored,
          createdAt: stored.createdAt.toISOString(),
          snapshot: results,
        };
        return { result, meta: { reviewId: stored.id } };
      },
    );
  }

  private async assertNotOwner(
    entity: Entity,
    credentials: UserCredentials,
    action: string,
  ) {
    const { catalog, auth, userInfo } = this.deps;
    await assertSeparationOfDuties({
      catalog,
      auth,
      userInfo,
      entity,
      credentials,
      allowSelf: this.deps.allowSelfWaivers,
      scope: this.deps.separationOfDutiesScope,
      action,
    });
  }

  private async entity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ) {
    const entity = await this.deps.catalog.getEntityByRef(ref, { credentials });
    if (!entity)
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    return entity;
  }

  private view(w: StoredWaiver): WaiverView {
    let status: WaiverView['status'] = 'active';
    if (w.revokedAt) status = 'revoked';
    else if (w.expiresAt <= this.now()) status = 'expired';
    return {
      ...w,
      grantedAt: w.grantedAt.toISOString(),
      expiresAt: w.expiresAt.toISOString(),
      revokedAt: w.revokedAt?.toISOString(),
      status,
    };
  }
}
