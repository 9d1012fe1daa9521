import type { AnnotationProblem, ServiceProfile } from './profile';
import type { FactBinding } from './bindings';
import type {
  Advice,
  Criticality,
  FootprintRollup,
  Heatmap,
  ServiceFootprint,
} from './sustainability';
import type { ComplianceEvaluation } from './compliance';
import type { GateReason } from './gate';

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
 * Someone to contact about a service: a catalog User or Group, or a plain address.
 *
 * @public
 */
export interface ServiceContact {
  /** The catalog entity, when the annotation named one that exists. */
  entityRef?: string;
  /** The entity's display name, or the address itself. */
  title: string;
  email?: string;
  /**
   * `annotation`: named by the owning squad's contact annotation; `squad-email`: nobody was
   * named, so the squad's own `spec.profile.email` stands in.
   */
  source: 'annotation' | 'squad-email';
}

/**
 * Contacts of a service, read from its owning squad's Group annotations
 * (`squad-insights.io/technical-contact`, `…/business-contact`, `…/on-call`).
 *
 * @public
 */
export interface ServiceContacts {
  technical: ServiceContact[];
  business: ServiceContact[];
  onCall: ServiceContact[];
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
  /** Absent from backends that predate contacts, and when the owner is not a Group. */
  contacts?: ServiceContacts;
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
  /** The Consul service the observed replica counts came from, when Consul sees the service. */
  consul?: {
    serviceName: string;
    freshness: FactFreshness;
    healthyInstances?: number;
  };
  /** Scheduled capacity per weekday × hour over the renewable-share bands. */
  heatmap?: Heatmap;
  problems: string[];
  history?: Array<{ day: string; kwhPerDay: number; co2eKgPerDay: number }>;
  /** Measured usage (CloudWatch) behind the estimate, when a usage source is configured. */
  usage?: {
    source?: string;
    measuredAt?: string;
    attemptedAt: string;
    stale: boolean;
    staleReason?: string;
    missing: Array<{ address: string; reason: string }>;
  };
  /** Grid intensity of the primary region's zone: hourly, or the labelled yearly average. */
  gridIntensity?: {
    zone: string;
    kind: 'hourly' | 'yearly-average';
    meanGCo2ePerKwh: number;
    hours: number;
    source: string;
    readAt?: string;
    stale?: boolean;
    staleReason?: string;
  };
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
  /**
   * The state and Consul bindings judged; refused ones were not read. Absent from results and
   * review snapshots stored before bindings existed.
   */
  bindings?: FactBinding[];
};

/**
 * A waiver as the API shows it (`GET|POST .../waivers`), with whether it applies now.
 *
 * @public
 */
export interface WaiverResponse {
  id: string;
  entityRef: string;
  checkId: string;
  justification: string;
  grantedBy: string;
  grantedAt: string;
  expiresAt: string;
  revokedBy?: string;
  revokedAt?: string;
  revokeReason?: string;
  status: 'active' | 'expired' | 'revoked';
}

/**
 * A waiver request as the API shows it (`GET|POST .../waiver-requests`): a squad asks for a
 * waiver of a failing check, and a reviewer approves it (granting the waiver `waiverId`) or
 * rejects it. Decided once, never deleted.
 *
 * @public
 */
export interface WaiverRequestResponse {
  id: string;
  entityRef: string;
  checkId: string;
  justification: string;
  /** The expiry asked for; an approved request's waiver runs until then. */
  expiresAt: string;
  requestedBy: string;
  requestedAt: string;
  status: 'requested' | 'granted' | 'rejected';
  decidedBy?: string;
  decidedAt?: string;
  decisionReason?: string;
  waiverId?: string;
}

/**
 * An attestation as the API shows it (`GET|POST .../attestations`): a reviewer's signed
 * statement that a control no infrastructure fact can show (GDPR erasure, PSD2 strong
 * customer authentication) is in place, with a link to the evidence. `current` while it
 * counts as a pass; it expires by itself and is revoked, never deleted.
 *
 * @public
 */
export interface AttestationResponse {
  id: string;
  entityRef: string;
  checkId: string;
  statement: string;
  evidenceUrl: string;
  attestedBy: string;
  attestedAt: string;
  expiresAt: string;
  revokedBy?: string;
  revokedAt?: string;
  revokeReason?: string;
  status: 'current' | 'expired' | 'revoked';
}

/**
 * A check of the policy that only a reviewer can attest, with how long an attestation may run.
 *
 * @public
 */
export interface AttestedCheckInfo {
  checkId: string;
  title: string;
  controls: string[];
  maxValidityDays: number;
}

/**
 * Body of `GET /api/squad-insights/entities/{namespace}/{kind}/{name}/attestations`: every
 * attestation of the entity (revoked and expired included, newest first) and the policy's
 * attested checks, so a form can bound the expiry without a second request.
 *
 * @public
 */
export interface AttestationsResponse {
  items: AttestationResponse[];
  checks: AttestedCheckInfo[];
}

/**
 * A recorded review (`GET|POST .../reviews`) with the results the reviewer judged, frozen.
 *
 * @public
 */
export interface ReviewResponse {
  id: string;
  entityRef: string;
  reviewer: string;
  decision: 'approved' | 'changes_requested';
  comment?: string;
  createdAt: string;
  snapshot: EntityComplianceResponse;
}

/**
 * A break-glass override of a denied gate decision, in
 * `GET .../gate/decisions` and the body of `POST .../gate/decisions/{id}/override`.
 *
 * @public
 */
export interface GateOverrideResponse {
  id: string;
  decisionId: string;
  entityRef: string;
  environment: string;
  commit: string;
  reason: string;
  grantedBy: string;
  grantedAt: string;
  expiresAt: string;
  status: 'usable' | 'used' | 'expired';
  consumedBy?: string;
  consumedAt?: string;
}

/**
 * One deployment gate decision, in `GET .../gate/decisions` (newest first) and the body of
 * `POST .../gate`.
 *
 * @public
 */
export interface GateDecisionResponse {
  id: string;
  entityRef: string;
  environment: string;
  commit: string;
  allowed: boolean;
  reasons: GateReason[];
  /** Who asked: a pipeline's service subject (`external:…`) or a user entity ref. */
  caller: string;
  createdAt: string;
  failClosed?: boolean;
  /** The override this decision used. */
  overrideId?: string;
  /** Overrides granted for this (denied) decision. */
  overrides: GateOverrideResponse[];
}

/**
 * One service of a group's footprint rollup, worst first.
 *
 * @public
 */
export interface GroupFootprintServiceRow {
  entityRef: string;
  owner: string;
  kwhPerDay?: number;
  co2eKgPerDay?: number;
  carbonTaxSekPerMonth?: number;
  notMadeShare?: number;
  known: boolean;
  stale: boolean;
  problems: string[];
}

/**
 * Body of `GET /api/squad-insights/groups/{namespace}/{name}/footprint`.
 *
 * @public
 */
export interface GroupFootprintResponse {
  groupRef: string;
  type: string;
  rollup: FootprintRollup;
  byOwner: FootprintRollup[];
  services: GroupFootprintServiceRow[];
  unknownServices: string[];
  stale: boolean;
}

/**
 * Compliance status of a service, or of one framework of it: `failing` when a check fails
 * without an active waiver; `compliant` when every check that applies passed or is waived and
 * none is unknown; `unknown` otherwise (some check could not be judged, e.g. no facts yet — an
 * unknown check may hide a failure).
 *
 * @public
 */
export type PortfolioStatus = (typeof PORTFOLIO_STATUSES)[number];

/** The portfolio statuses, worst first. @public */
export const PORTFOLIO_STATUSES = ['failing', 'unknown', 'compliant'] as const;

/** The fields the portfolio can be sorted by. @public */
export const PORTFOLIO_SORT_FIELDS = [
  'service',
  'squad',
  'tribe',
  'status',
  'score',
  'failingChecks',
  'nextWaiverExpiry',
  'lastReviewAt',
] as const;

/** @public */
export type PortfolioSortField = (typeof PORTFOLIO_SORT_FIELDS)[number];

/**
 * Days ahead within which the portfolio calls a waiver or an attestation "expiring soon": the
 * window of `waivers.expiringSoon` and of the `attestation=expiring` filter.
 *
 * @public
 */
export const PORTFOLIO_EXPIRING_SOON_DAYS = 30;

/**
 * Values of the portfolio's `attestation` filter: services with an applying attested check
 * `awaiting` its first attestation, whose attestation `expired`, or whose current attestation
 * is `expiring` within {@link PORTFOLIO_EXPIRING_SOON_DAYS}.
 *
 * @public
 */
export const PORTFOLIO_ATTESTATION_FILTERS = [
  'awaiting',
  'expired',
  'expiring',
] as const;

/** @public */
export type PortfolioAttestationFilter =
  (typeof PORTFOLIO_ATTESTATION_FILTERS)[number];

/**
 * Values of the portfolio's `lastGate` filter: services whose latest deployment gate decision
 * (in any environment) `denied` or `allowed` the deploy. Services never gated match neither.
 *
 * @public
 */
export const PORTFOLIO_GATE_FILTERS = ['denied', 'allowed'] as const;

/** @public */
export type PortfolioGateFilter = (typeof PORTFOLIO_GATE_FILTERS)[number];

/**
 * Query of `GET /api/squad-insights/compliance/portfolio`. Every filter is optional; filters
 * combine with AND. `tribe`, `squad`, `chapter` and `guild` are group entity refs
 * (`group:default/payments`).
 *
 * @public
 */
export interface PortfolioQuery {
  tribe?: string;
  squad?: string;
  /** Only services whose `squad-insights.io/chapter` names this chapter group. */
  chapter?: string;
  /** Only services whose `squad-insights.io/guild` names this guild group. */
  guild?: string;
  /** A framework id of the policy (`PCI_DSS`); with `status`, the status of that framework. */
  framework?: string;
  /** A check id of the policy: only services where it fails without an active waiver. */
  check?: string;
  status?: PortfolioStatus;
  /** Only services with an active waiver expiring within this many days. */
  expiringWithinDays?: number;
  /** Only services with an attested check in this state (see {@link PORTFOLIO_ATTESTATION_FILTERS}). */
  attestation?: PortfolioAttestationFilter;
  /** Only services whose latest gate decision had this outcome (see {@link PORTFOLIO_GATE_FILTERS}). */
  lastGate?: PortfolioGateFilter;
  /** Case-insensitive search over service name, title, squad and tribe. */
  q?: string;
  sort?: PortfolioSortField;
  order?: 'asc' | 'desc';
  offset?: number;
  /** At most 1000; default 100. */
  limit?: number;
}

/**
 * One framework's verdict for one service in the portfolio.
 *
 * @public
 */
export interface PortfolioFrameworkStatus {
  id: string;
  title: string;
  status: PortfolioStatus;
  score: number | null;
  failed: number;
}

/**
 * One row of the compliance portfolio: a service with its owners and verdicts.
 *
 * @public
 */
export interface PortfolioRow {
  entityRef: string;
  name: string;
  title?: string;
  /** Group entity refs; absent when the owner is not a squad / the squad has no tribe. */
  squad?: string;
  tribe?: string;
  /**
   * Group entity refs of the chapter and guild the service's annotations name; absent when
   * there is no annotation or it names no chapter / guild group of the catalog.
   */
  chapter?: string;
  guild?: string;
  status: PortfolioStatus;
  score: number | null;
  failingChecks: number;
  frameworks: PortfolioFrameworkStatus[];
  waivers: { active: number; expiringSoon: number; nextExpiry?: string };
  /**
   * The policy's attested checks that apply to the service (`applicable`), by state: with a
   * current attestation, never attested (awaiting a reviewer), or only expired attestations;
   * `nextExpiry` is the earliest expiry of a current attestation.
   */
  attestations: {
    applicable: number;
    current: number;
    awaiting: number;
    expired: number;
    nextExpiry?: string;
  };
  lastReview?: {
    at: string;
    reviewer: string;
    decision: 'approved' | 'changes_requested';
  };
  /**
   * The service's latest deployment gate decision, in whichever environment was asked last;
   * absent when no pipeline has asked. Read when the page is served, not from the summary.
   */
  lastGate?: {
    decisionId: string;
    environment: string;
    allowed: boolean;
    decidedAt: string;
  };
  /** True when an input of the verdict is stale. */
  stale: boolean;
}

/**
 * Body of `GET /api/squad-insights/compliance/portfolio`.
 *
 * @public
 */
export interface PortfolioResponse {
  items: PortfolioRow[];
  totalCount: number;
  offset: number;
  limit: number;
  /** The values the filters can take over the whole portfolio (not just this page). */
  facets: {
    tribes: string[];
    squads: string[];
    chapters: string[];
    guilds: string[];
    frameworks: Array<{ id: string; title: string }>;
  };
  /** When the summaries behind this answer were computed. */
  generatedAt: string;
}
