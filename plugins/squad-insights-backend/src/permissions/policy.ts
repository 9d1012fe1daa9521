import type { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  squadInsightsComplianceReadPermission,
  squadInsightsComplianceWaiverRequestPermission,
  squadInsightsFactsRefreshPermission,
  squadInsightsGateDecidePermission,
  SQUAD_INSIGHTS_RESOURCE_TYPE,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { GroupsAbove } from './reviewerAncestry';
import {
  complianceRecordConditions,
  createComplianceRecordConditionalDecision,
} from './rules';

/**
 * What the Squad Insights permission policy is configured with
 * (`squadInsights.permissions` in app-config).
 *
 * @public
 */
export interface SquadInsightsPolicyOptions {
  /** Group (or user) refs whose members review, waive, attest and refresh everywhere. */
  reviewerGroups: string[];
  /**
   * Who else may read a compliance record: `catalog` — whoever the catalog lets see the
   * service; `tribe` — only its owners and members of the owning squad's tribe.
   */
  readScope: 'catalog' | 'tribe';
}

const CONFIG_KEY = 'squadInsights.permissions';
const KNOWN_KEYS = ['reviewerGroups', 'readScope'];

/**
 * Reads `squadInsights.permissions`. Anything the policy would silently misread stops the
 * backend instead: a portal that meant to have reviewers but has none would deny every review,
 * and a misspelt key would quietly leave its default in place.
 *
 * @public
 */
export function readSquadInsightsPolicyOptions(
  config: Config,
): SquadInsightsPolicyOptions {
  const section = config.getOptionalConfig(CONFIG_KEY);
  if (!section) {
    throw new Error(
      `The Squad Insights permission policy needs ${CONFIG_KEY}.reviewerGroups: the groups ` +
        `whose members review and grant waivers, e.g. [group:default/compliance-office]`,
    );
  }
  const unknown = section.keys().filter(k => !KNOWN_KEYS.includes(k));
  if (unknown.length) {
    throw new Error(
      `Unknown key ${unknown.map(k => `${CONFIG_KEY}.${k}`).join(', ')}; ` +
        `known keys are ${KNOWN_KEYS.join(', ')}`,
    );
  }
  const raw = section.getStringArray('reviewerGroups');
  if (!raw.length) {
    throw new Error(
      `${CONFIG_KEY}.reviewerGroups is empty: name at least one reviewer group`,
    );
  }
  const reviewerGroups = raw.map((ref, i) => {
    try {
      return stringifyEntityRef(
        parseEntityRef(ref, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch (error) {
      throw new Error(
        `${CONFIG_KEY}.reviewerGroups[${i}] ${JSON.stringify(
          ref,
        )} is not an entity ref: ${(error as Error).message}`,
      );
    }
  });
  const readScope = section.getOptionalString('readScope') ?? 'catalog';
  if (readScope !== 'catalog' && readScope !== 'tribe') {
    throw new Error(
      `${CONFIG_KEY}.readScope must be catalog or tribe, not ${JSON.stringify(
        readScope,
      )}`,
    );
  }
  return { reviewerGroups, readScope };
}

const isSquadInsights = (name: string) => name.startsWith('squad-insights.');

/**
 * The permission policy shipped with Squad Insights. Members of the reviewer groups, or of a
 * group below one in the catalog when `groupsAbove` is given, may do everything; other users read what the catalog shows them (or only their tribe's records),
 * request waivers and refresh facts for their own tribe's services, and nothing else.
 * Permissions of other plugins are allowed, as the stock allow-all policy did, so the catalog,
 * scaffolder and search behave as before.
 *
 * @public
 */
export class SquadInsightsPermissionPolicy implements PermissionPolicy {
  /** Builds the policy from `squadInsights.permissions`; throws on invalid config. */
  static fromConfig(
    config: Config,
    groupsAbove?: GroupsAbove,
  ): SquadInsightsPermissionPolicy {
    return new SquadInsightsPermissionPolicy(
      readSquadInsightsPolicyOptions(config),
      groupsAbove,
    );
  }

  constructor(
    private readonly options: SquadInsightsPolicyOptions,
    private readonly groupsAbove?: GroupsAbove,
  ) {}

  /** Decides one permission request; see the class comment for what is allowed to whom. */
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!isSquadInsights(permission.name))
      return { result: AuthorizeResult.ALLOW };
    // A squad-insights permission of another shape is a newer plugin than this policy knows:
    // fail closed rather than allow it unscoped.
    if (!isResourcePermission(permission, SQUAD_INSIGHTS_RESOURCE_TYPE)) {
      return { result: AuthorizeResult.DENY };
    }
    const name = permission.name;
    // Backend-to-backend calls carry no user: they may read, refresh and ask the deployment
    // gate, never decide. (Pipelines with external access tokens are judged by their token's
    // accessRestrictions, before any policy.)
    if (!user) {
      const machine = [
        squadInsightsComplianceReadPermission.name,
        squadInsightsFactsRefreshPermission.name,
        squadInsightsGateDecidePermission.name,
      ];
      return {
        result: machine.includes(name)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    const claims = user.info.ownershipEntityRefs ?? [user.info.userEntityRef];
    if (await this.isReviewer(claims)) return { result: AuthorizeResult.ALLOW };
    const ownTribe = createComplianceRecordConditionalDecision(permission, {
      anyOf: [
        complianceRecordConditions.isOwner({ claims }),
        complianceRecordConditions.isInTribe({ claims }),
      ],
    });
    switch (name) {
      case squadInsightsComplianceReadPermission.name:
        return this.options.readScope === 'catalog'
          ? { result: AuthorizeResult.ALLOW }
          : ownTribe;
      case squadInsightsComplianceWaiverRequestPermission.name:
      case squadInsightsFactsRefreshPermission.name:
        return ownTribe;
      default:
        // Reviews, waiver grants and revocations, attestations: reviewers only.
        return { result: AuthorizeResult.DENY };
    }
  }

  /**
   * A member of a reviewer group, directly or through a sub-team (`compliance-audit` under
   * `compliance-office`). When the catalog cannot be read the caller is not a reviewer: the
   * other rules still apply, so the failure denies decisions rather than granting them.
   */
  private async isReviewer(claims: string[]): Promise<boolean> {
    const reviewers = this.options.reviewerGroups;
    if (reviewers.some(g => claims.includes(g))) return true;
    if (!this.groupsAbove) return false;
    try {
      const above = await this.groupsAbove(claims);
      return reviewers.some(g => above.has(g));
    } catch {
      return false;
    }
  }
}
