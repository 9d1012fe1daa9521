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
  /** Comma-separated framework ids of the compliance policy (`GDPR,PCI_DSS`). */
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
 * Annotations on a squad's Group entity: its contacts (read by the portal's ownership card and
 * by the squad template) and its shared Terraform repository (read by the template). Contacts
 * hold a comma-separated list of user or group refs, or e-mail addresses.
 *
 * @public
 */
export const SQUAD_GROUP_ANNOTATIONS = {
  /** The GitHub team of the group, `<org>/<team-slug>` as the GitHub org provider writes it, or `<team-slug>`. */
  githubTeam: 'github.com/team-slug',
  /** The squad's Terraform repository holding its services map: `<owner>/<repo>:<path to the .tf file>`. */
  iacRepository: 'squad-insights.io/iac-repository',
  /** The configured Terraform state source that holds that repository's state; `demo` when absent. */
  iacStateSource: 'squad-insights.io/iac-state-source',
  /** The state's key in that source; `<repo>/<folder of the .tf file>/terraform.tfstate` when absent. */
  iacStateKey: 'squad-insights.io/iac-state-key',
  /**
   * The module block that runs `for_each` over the services map (`squad_microservice` when
   * absent, as in the design document): a service's resources are that module's instance, which
   * its state reference selects (`#module.squad_microservice["<service>"]`).
   */
  iacModule: 'squad-insights.io/iac-module',
  /** Who answers technical questions: user or group refs, or e-mail addresses. */
  technicalContact: 'squad-insights.io/technical-contact',
  /** Who answers for the business side: user or group refs, or e-mail addresses. */
  businessContact: 'squad-insights.io/business-contact',
  /** Who is paged: user or group refs (e.g. an on-call rotation group), or e-mail addresses. */
  onCall: 'squad-insights.io/on-call',
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
