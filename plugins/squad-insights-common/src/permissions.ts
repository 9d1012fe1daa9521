import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of Squad Insights permissions: a service's compliance record (its facts,
 * verdicts, waivers, waiver requests, attestations and reviews). The resource ref is the
 * service's catalog entity ref (`component:default/payment-processing`), so a policy can scope a
 * decision to a squad or tribe with the conditional rules the backend registers (`IS_OWNER`,
 * `IS_IN_TRIBE`, `HAS_FRAMEWORK`).
 *
 * @public
 */
export const SQUAD_INSIGHTS_RESOURCE_TYPE =
  'squad-insights-compliance-record' as const;

/**
 * Allows reading a service's compliance record (facts, verdicts, waivers, attestations,
 * reviews). The catalog's own read permission still applies first: an entity the caller
 * cannot see in the catalog is not found, whatever this permission says.
 *
 * @public
 */
export const squadInsightsComplianceReadPermission = createPermission({
  name: 'squad-insights.compliance.read',
  attributes: { action: 'read' },
  resourceType: SQUAD_INSIGHTS_RESOURCE_TYPE,
});

/**
 * Allows re-reading an entity's Terraform states and Consul view on demand. Reading facts
 * needs only sign-in; forcing reads costs calls against every source, so it is guarded.
 *
 * @public
 */
export const squadInsightsFactsRefreshPermission = createPermission({
  name: 'squad-insights.facts.refresh',
  attributes: { action: 'update' },
  resourceType: SQUAD_INSIGHTS_RESOURCE_TYPE,
});

/**
 * Allows recording a compliance review (approved or changes requested) of a service. Reading
 * compliance results needs only sign-in; a review is a signed statement, so it is guarded.
 *
 * @public
 */
export const squadInsightsComplianceReviewCreatePermission = createPermission({
  name: 'squad-insights.compliance.review.create',
  attributes: { action: 'create' },
  resourceType: SQUAD_INSIGHTS_RESOURCE_TYPE,
});

/**
 * Allows granting and revoking compliance waivers, and approving or rejecting waiver requests. Separation of duties (members of the owning
 * squad may not waive their own service) is enforced on top of this permission.
 *
 * @public
 */
export const squadInsightsComplianceWaiverManagePermission = createPermission({
  name: 'squad-insights.compliance.waiver.manage',
  attributes: { action: 'update' },
  resourceType: SQUAD_INSIGHTS_RESOURCE_TYPE,
});

/**
 * Allows attesting a control the policy marks `attested` (GDPR erasure, PSD2 strong customer
 * authentication): a signed statement with evidence that counts as a pass until it expires.
 * Separation of duties applies as for waivers: the owning squad may not attest its own service.
 *
 * @public
 */
export const squadInsightsAttestationCreatePermission = createPermission({
  name: 'squad-insights.compliance.attestation.create',
  attributes: { action: 'create' },
  resourceType: SQUAD_INSIGHTS_RESOURCE_TYPE,
});

/**
 * Allows revoking an attestation before it expires (the evidence turned out wrong). Separate
 * from creating one, so that withdrawing trust can be given to more people than granting it.
 *
 * @public
 */
export const squadInsightsAttestationRevokePermission = createPermission({
  name: 'squad-insights.compliance.attestation.revoke',
  attributes: { action: 'update' },
  resourceType: SQUAD_INSIGHTS_RESOURCE_TYPE,
});

/**
 * Allows asking for a waiver of a failing check. A request changes no verdict: it waits until
 * someone holding {@link squadInsightsComplianceWaiverManagePermission} approves it (which
 * grants the waiver, separation of duties included) or rejects it.
 *
 * @public
 */
export const squadInsightsComplianceWaiverRequestPermission = createPermission({
  name: 'squad-insights.compliance.waiver.request',
  attributes: { action: 'create' },
  resourceType: SQUAD_INSIGHTS_RESOURCE_TYPE,
});

/**
 * Allows asking the deployment gate whether a service may ship (`POST .../gate`); each answer
 * is stored and audited. Meant for pipelines: an `backend.auth.externalAccess` token lacks it
 * when its `accessRestrictions` do not name it, and the policy's `gate.requireServicePrincipal`
 * refuses user tokens whatever this permission says.
 *
 * @public
 */
export const squadInsightsGateDecidePermission = createPermission({
  name: 'squad-insights.gate.decide',
  attributes: { action: 'create' },
  resourceType: SQUAD_INSIGHTS_RESOURCE_TYPE,
});

/**
 * Every permission of Squad Insights, for registration with the permission framework. All are
 * resource permissions of {@link SQUAD_INSIGHTS_RESOURCE_TYPE}.
 *
 * @public
 */
export const squadInsightsPermissions = [
  squadInsightsComplianceReadPermission,
  squadInsightsComplianceWaiverRequestPermission,
  squadInsightsFactsRefreshPermission,
  squadInsightsComplianceReviewCreatePermission,
  squadInsightsComplianceWaiverManagePermission,
  squadInsightsAttestationCreatePermission,
  squadInsightsAttestationRevokePermission,
  squadInsightsGateDecidePermission,
];
