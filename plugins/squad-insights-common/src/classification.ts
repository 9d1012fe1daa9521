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
  user_behavioral: 'Listening behaviour and other tracking of individuals (GDPR applies).',
  user_content: 'Content that users create, such as playlists (GDPR and copyright apply).',
  financial:
    'Payments, cardholder or accounting data (PCI DSS and Swedish financial rules may apply; 7-year record keeping).',
} as const;

/** @public */
export type DataClassification = keyof typeof DATA_CLASSIFICATIONS;

/**
 * Compliance requirements a service can declare.
 *
 * @public
 */
export const COMPLIANCE_REQUIREMENTS = {
  GDPR: 'EU General Data Protection Regulation',
  PCI_DSS: 'Payment Card Industry Data Security Standard',
  Svenska_Betaltjänstlagen: 'Swedish Payment Services Act (lag 2010:751 om betaltjänster)',
  Copyright_Law: 'Copyright law (upphovsrättslagen) for user and licensed content',
  Music_Rights: 'Music licensing and royalty reporting obligations',
} as const;

/** @public */
export type ComplianceRequirement = keyof typeof COMPLIANCE_REQUIREMENTS;

/** @public */
export function isDataClassification(value: string): value is DataClassification {
  return Object.prototype.hasOwnProperty.call(DATA_CLASSIFICATIONS, value);
}

/** @public */
export function isComplianceRequirement(
  value: string,
): value is ComplianceRequirement {
  return Object.prototype.hasOwnProperty.call(COMPLIANCE_REQUIREMENTS, value);
}
