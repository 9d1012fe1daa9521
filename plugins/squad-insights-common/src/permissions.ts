import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows re-reading an entity's Terraform states and Consul view on demand. Reading facts
 * needs only sign-in; forcing reads costs calls against every source, so it is guarded.
 *
 * @public
 */
export const squadInsightsFactsRefreshPermission = createPermission({
  name: 'squad-insights.facts.refresh',
  attributes: { action: 'update' },
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
});

/**
 * Allows granting and revoking compliance waivers. Separation of duties (members of the owning
 * squad may not waive their own service) is enforced on top of this permission.
 *
 * @public
 */
export const squadInsightsComplianceWaiverManagePermission = createPermission({
  name: 'squad-insights.compliance.waiver.manage',
  attributes: { action: 'update' },
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
});

/** Every permission of Squad Insights, for registration with the permission framework. @public */
export const squadInsightsPermissions = [
  squadInsightsFactsRefreshPermission,
  squadInsightsComplianceReviewCreatePermission,
  squadInsightsComplianceWaiverManagePermission,
  squadInsightsAttestationCreatePermission,
  squadInsightsAttestationRevokePermission,
];
