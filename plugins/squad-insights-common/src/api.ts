import type { AnnotationProblem, ServiceProfile } from './profile';

/**
 * A group of the squad model, as the portal shows it.
 *
 * @public
 */
export interface GroupSummary {
  entityRef: string;
  title: string;
  /** The Group's `spec.type`: tribe, squad, chapter, guild, team, … */
  type: string;
}

/**
 * Where a service sits in the squad model. A service owned by a squad has a squad and,
 * through the squad's parent, a tribe; one owned by some other group has only `team`.
 *
 * @public
 */
export interface ServiceOwnership {
  squad?: GroupSummary;
  tribe?: GroupSummary;
  team?: GroupSummary;
  chapter?: GroupSummary;
  guild?: GroupSummary;
}

/**
 * Body of `GET /api/squad-insights/entities/{namespace}/{kind}/{name}/profile`.
 *
 * @public
 */
export interface ServiceProfileResponse {
  entityRef: string;
  profile: ServiceProfile;
  problems: AnnotationProblem[];
  ownership: ServiceOwnership;
}
