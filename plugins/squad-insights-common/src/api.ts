import type { AnnotationProblem, ServiceProfile } from './profile';
import type { Advice, Criticality, ServiceFootprint } from './sustainability';
import type { ComplianceEvaluation } from './compliance';

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

/**
 * Freshness of one fact as the backend reports it.
 *
 * @public
 */
export interface FactFreshness {
  readAt?: string;
  checkedAt?: string;
  ageSeconds?: number;
  marker?: string;
  stale: boolean;
  lastError?: string;
  lastErrorAt?: string;
}

/**
 * Body of `GET /api/squad-insights/entities/{namespace}/{kind}/{name}/footprint`.
 *
 * @public
 */
export interface EntityFootprintResponse {
  entityRef: string;
  criticality: Criticality;
  criticalityDeclared: boolean;
  /** Absent when no state of the service has been read yet: unknown, not zero. */
  footprint?: ServiceFootprint;
  advice: Advice[];
  stale: boolean;
  states: Array<{ reference: string; freshness: FactFreshness }>;
  problems: string[];
  history?: Array<{ day: string; kwhPerDay: number; co2eKgPerDay: number }>;
}

/**
 * Body of `GET /api/squad-insights/entities/{namespace}/{kind}/{name}/compliance`.
 *
 * @public
 */
export type EntityComplianceResponse = ComplianceEvaluation & {
  entityRef: string;
  evaluatedAt: string;
  stale: boolean;
  problems: string[];
};
