/**
 * Data classifications, from least to most sensitive. The descriptions are shown to squads
 * when they pick one in the template and to reviewers in the portal.
 *
 * @public
 */
export const DATA_CLASSIFICATIONS = {
  public: 'Published content; no personal data.',
  internal: 'Internal business data; no personal data.',
  personal: 'Personal data about listeners or staff (GDPR applies).',
  user_behavioral:
    'Listening behaviour and other tracking of individuals (GDPR applies).',
  user_content:
    'Content that users create, such as playlists (GDPR and copyright apply).',
  financial:
    'Payments, cardholder or accounting data (PCI DSS and Swedish financial rules may apply; 7-year record keeping).',
} as const;

/** @public */
export type DataClassification = keyof typeof DATA_CLASSIFICATIONS;

/**
 * A compliance requirement a service declares: the id of a framework of the compliance policy
 * (`GDPR`, `PCI_DSS`, `Svenska_Betaltjänstlagen`, `Finansinspektionen`, `PSD2`, `AML`, … or one an
 * override adds). Frameworks are policy data, so there is no closed list in code; see
 * `knownRequirements(policy)`.
 *
 * @public
 */
export type ComplianceRequirement = string;

/** @public */
export function isDataClassification(
  value: string,
): value is DataClassification {
  return Object.prototype.hasOwnProperty.call(DATA_CLASSIFICATIONS, value);
}
