import type { components, operations } from './schema/openapi.generated';

/*
 * The bodies of the backend's routes, as the backend's OpenAPI spec
 * (plugins/squad-insights-backend/src/schema/openapi.yaml) defines them: generated from it
 * (schema/openapi.generated.ts), so that the backend's router and services and the web client
 * type-check against the one definition. Change the spec, then run `generate:openapi-types`
 * here and `generate:openapi` in the backend.
 */

/** The schemas of the backend's OpenAPI spec. @public */
export type WireSchemas = components['schemas'];

/**
 * A group of the squad model, as the portal shows it.
 *
 * @public
 */
export type GroupSummary = WireSchemas['GroupSummary'];

/**
 * Where a service sits in the squad model. A service owned by a squad has a squad and,
 * through the squad's parent, a tribe; one owned by some other group has only `team`.
 *
 * @public
 */
export type ServiceOwnership = WireSchemas['ServiceOwnership'];

/**
 * Someone to contact about a service: a catalog User or Group, or a plain address.
 *
 * @public
 */
export type ServiceContact = WireSchemas['ServiceContact'];

/**
 * Contacts of a service, read from its owning squad's Group annotations
 * (`squad-insights.io/technical-contact`, `…/business-contact`, `…/on-call`).
 *
 * @public
 */
export type ServiceContacts = WireSchemas['ServiceContacts'];

/**
 * Body of `GET /api/squad-insights/entities/{namespace}/{kind}/{name}/profile`.
 *
 * @public
 */
export type ServiceProfileResponse = WireSchemas['ServiceProfileResponse'];

/**
 * Freshness of one fact as the backend reports it.
 *
 * @public
 */
export type FactFreshness = WireSchemas['Freshness'];

/**
 * Body of `GET /api/squad-insights/entities/{namespace}/{kind}/{name}/facts`.
 *
 * @public
 */
export type EntityFactsResponse = WireSchemas['EntityFacts'];

/**
 * Body of `GET /api/squad-insights/services`.
 *
 * @public
 */
export type ServicesResponse =
  operations['ListServices']['responses'][200]['content']['application/json'];

/**
 * Body of `GET /api/squad-insights/entities/{namespace}/{kind}/{name}/footprint`.
 *
 * @public
 */
export type EntityFootprintResponse = WireSchemas['EntityFootprint'];

/**
 * Body of `GET /api/squad-insights/entities/{namespace}/{kind}/{name}/compliance`.
 *
 * @public
 */
export type EntityComplianceResponse = WireSchemas['EntityCompliance'];

/**
 * A waiver as the API shows it (`GET|POST .../waivers`), with whether it applies now.
 *
 * @public
 */
export type WaiverResponse = WireSchemas['Waiver'];

/**
 * A waiver request as the API shows it (`GET|POST .../waiver-requests`): a squad asks for a
 * waiver of a failing check, and a reviewer approves it (granting the waiver `waiverId`) or
 * rejects it. Decided once, never deleted.
 *
 * @public
 */
export type WaiverRequestResponse = WireSchemas['WaiverRequest'];

/**
 * An attestation as the API shows it (`GET|POST .../attestations`): a reviewer's signed
 * statement that a control no infrastructure fact can show (GDPR erasure, PSD2 strong
 * customer authentication) is in place, with a link to the evidence. `current` while it
 * counts as a pass; it expires by itself and is revoked, never deleted.
 *
 * @public
 */
export type AttestationResponse = WireSchemas['Attestation'];

/**
 * A check of the policy that only a reviewer can attest, with how long an attestation may run.
 *
 * @public
 */
export type AttestedCheckInfo = WireSchemas['AttestedCheck'];

/**
 * Body of `GET /api/squad-insights/entities/{namespace}/{kind}/{name}/attestations`: every
 * attestation of the entity (revoked and expired included, newest first) and the policy's
 * attested checks, so a form can bound the expiry without a second request.
 *
 * @public
 */
export type AttestationsResponse =
  operations['ListEntityAttestations']['responses'][200]['content']['application/json'];

/**
 * A recorded review (`GET|POST .../reviews`) with the results the reviewer judged, frozen.
 *
 * @public
 */
export type ReviewResponse = WireSchemas['Review'];

/**
 * A break-glass override of a denied gate decision, in
 * `GET .../gate/decisions` and the body of `POST .../gate/decisions/{id}/override`.
 *
 * @public
 */
export type GateOverrideResponse = WireSchemas['GateOverride'];

/**
 * One deployment gate decision, in `GET .../gate/decisions` (newest first) and the body of
 * `POST .../gate`.
 *
 * @public
 */
export type GateDecisionResponse = WireSchemas['GateDecision'];

/**
 * One service of a group's footprint rollup, worst first.
 *
 * @public
 */
export type GroupFootprintServiceRow = WireSchemas['GroupServiceRow'];

/**
 * Body of `GET /api/squad-insights/groups/{namespace}/{name}/footprint`.
 *
 * @public
 */
export type GroupFootprintResponse = WireSchemas['GroupFootprint'];

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
 * (`group:default/payments`). `attestation` and `lastGate` are plain strings in the spec (so
 * the backend can answer a bad value with a message naming it); callers send only the
 * values of {@link PORTFOLIO_ATTESTATION_FILTERS} and {@link PORTFOLIO_GATE_FILTERS}.
 *
 * @public
 */
export type PortfolioQuery = Omit<
  NonNullable<operations['GetCompliancePortfolio']['parameters']['query']>,
  'attestation' | 'lastGate'
> & {
  attestation?: PortfolioAttestationFilter;
  lastGate?: PortfolioGateFilter;
};

/**
 * One framework's verdict for one service in the portfolio.
 *
 * @public
 */
export type PortfolioFrameworkStatus = WireSchemas['PortfolioFrameworkStatus'];

/**
 * One row of the compliance portfolio: a service with its owners and verdicts.
 *
 * @public
 */
export type PortfolioRow = WireSchemas['PortfolioRow'];

/**
 * Body of `GET /api/squad-insights/compliance/portfolio`.
 *
 * @public
 */
export type PortfolioResponse = WireSchemas['PortfolioResponse'];
