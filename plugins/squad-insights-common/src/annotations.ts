/**
 * The catalog annotations Squad Insights reads. They are written by anyone who can edit a
 * catalog file, so every reader validates them (see `readServiceProfile`) and a Terraform
 * state reference may only select a source that the portal operator configured.
 *
 * @public
 */
export const SQUAD_INSIGHTS_ANNOTATIONS = {
  /** The business capability the service provides, e.g. "Payments". */
  businessCapability: 'squad-insights.io/business-capability',
  /** One of {@link DATA_CLASSIFICATIONS}. */
  dataClassification: 'squad-insights.io/data-classification',
  /** Comma-separated list of {@link COMPLIANCE_REQUIREMENTS}. */
  complianceRequirements: 'squad-insights.io/compliance-requirements',
  /** The chapter (a Group of type `chapter`) the service's engineers belong to. */
  chapter: 'squad-insights.io/chapter',
  /** The guild (a Group of type `guild`) that looks after the service's practice area. */
  guild: 'squad-insights.io/guild',
  /** Comma-separated `<source-id>:<key>` references to Terraform states. */
  terraformState: 'squad-insights.io/terraform-state',
  /** `critical`, `high`, `medium` or `low`; decides which sustainability advice applies. */
  criticality: 'squad-insights.io/criticality',
  /** The service's name in Consul's catalog, when it differs from the entity name. */
  consulService: 'squad-insights.io/consul-service',
} as const;

/**
 * The Group `spec.type` values of the squad model.
 *
 * @public
 */
export const SQUAD_MODEL_GROUP_TYPES = {
  tribe: 'tribe',
  squad: 'squad',
  chapter: 'chapter',
  guild: 'guild',
} as const;
