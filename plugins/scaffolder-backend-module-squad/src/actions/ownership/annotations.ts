/**
 * Annotations on a squad's Group entity that the squad template reads.
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
  /** Who answers technical questions: a user or group ref, or an email. */
  technicalContact: 'squad-insights.io/technical-contact',
  /** Who answers for the business side: a user or group ref, or an email. */
  businessContact: 'squad-insights.io/business-contact',
  /** Who is paged: a user or group ref (e.g. an on-call rotation group), or an email. */
  onCall: 'squad-insights.io/on-call',
} as const;

/** The state source of an IaC repository whose squad names none. */
export const DEFAULT_IAC_STATE_SOURCE = 'demo';
