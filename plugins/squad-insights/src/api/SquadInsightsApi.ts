import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  AttestationResponse,
  AttestationsResponse,
  CatalogSummary,
  EntityComplianceResponse,
  EntityFootprintResponse,
  GateDecisionResponse,
  GateOverrideResponse,
  GroupFootprintResponse,
  PortfolioQuery,
  PortfolioResponse,
  ReviewResponse,
  ServiceProfileResponse,
  SustainabilityReport,
  WaiverRequestResponse,
  WaiverResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * The browser's view of the Squad Insights backend.
 *
 * @public
 */
export interface SquadInsightsApi {
  /** Squad-model ownership and declared compliance profile of one entity. */
  getServiceProfile(
    entityRef: CompoundEntityRef,
  ): Promise<ServiceProfileResponse>;
  /** Energy, CO2e, carbon tax and advice of one service, from its stored facts. */
  getFootprint(entityRef: CompoundEntityRef): Promise<EntityFootprintResponse>;
  /** Compliance verdicts with evidence, scores per framework, waivers applied. */
  getCompliance(
    entityRef: CompoundEntityRef,
  ): Promise<EntityComplianceResponse>;
  /** All waivers of the entity, revoked and expired ones included, newest first. */
  listWaivers(entityRef: CompoundEntityRef): Promise<WaiverResponse[]>;
  /** Grants a waiver; the backend checks the permission and rejects self-waivers. */
  grantWaiver(
    entityRef: CompoundEntityRef,
    waiver: { checkId: string; justification: string; expiresAt: string },
  ): Promise<WaiverResponse>;
  /** Revokes a waiver; it stays in the history. */
  revokeWaiver(
    entityRef: CompoundEntityRef,
    id: string,
    reason?: string,
  ): Promise<WaiverResponse>;
  /** All waiver requests of the entity, decided ones included, newest first. */
  listWaiverRequests(
    entityRef: CompoundEntityRef,
  ): Promise<WaiverRequestResponse[]>;
  /** Asks a reviewer for a waiver; changes no verdict until approved. */
  requestWaiver(
    entityRef: CompoundEntityRef,
    request: { checkId: string; justification: string; expiresAt: string },
  ): Promise<WaiverRequestResponse>;
  /** Approves a request, granting its waiver as the caller (separation of duties applies). */
  approveWaiverRequest(
    entityRef: CompoundEntityRef,
    id: string,
  ): Promise<WaiverRequestResponse>;
  /** Rejects a request; it stays in the history. */
  rejectWaiverRequest(
    entityRef: CompoundEntityRef,
    id: string,
    reason?: string,
  ): Promise<WaiverRequestResponse>;
  /**
   * All attestations of the entity (revoked and expired included, newest first) and the
   * policy's attested checks with how long an attestation of each may run.
   */
  listAttestations(entityRef: CompoundEntityRef): Promise<AttestationsResponse>;
  /** Attests an attested check; the backend checks the permission, the bounds and self-attestation. */
  attest(
    entityRef: CompoundEntityRef,
    attestation: {
      checkId: string;
      statement: string;
      evidenceUrl: string;
      expiresAt: string;
    },
  ): Promise<AttestationResponse>;
  /** Revokes an attestation; it stays in the history. */
  revokeAttestation(
    entityRef: CompoundEntityRef,
    id: string,
    reason?: string,
  ): Promise<AttestationResponse>;
  /** Reviews of the entity, newest first, each with the results judged. */
  listReviews(entityRef: CompoundEntityRef): Promise<ReviewResponse[]>;
  /** Records a review of the current results. */
  createReview(
    entityRef: CompoundEntityRef,
    review: { decision: 'approved' | 'changes_requested'; comment?: string },
  ): Promise<ReviewResponse>;
  /** The latest deployment gate decisions of the entity, newest first, with their overrides. */
  listGateDecisions(
    entityRef: CompoundEntityRef,
    limit?: number,
  ): Promise<GateDecisionResponse[]>;
  /** Break-glass: lets the denied decision's environment and commit through once (reviewers only). */
  overrideGateDecision(
    entityRef: CompoundEntityRef,
    decisionId: string,
    override: { reason: string; expiresInHours?: number },
  ): Promise<GateOverrideResponse>;
  /** Footprint rollup of the services a squad or tribe owns. */
  getGroupFootprint(
    groupRef: CompoundEntityRef,
  ): Promise<GroupFootprintResponse>;
  /** One page of the compliance portfolio, filtered and sorted on the backend. */
  getPortfolio(query: PortfolioQuery): Promise<PortfolioResponse>;
  /**
   * Compliance verdict and monthly CO2e of many entities in one request (at most
   * `MAX_CATALOG_SUMMARY_REFS`), for the catalog table's columns; entities the catalog hides
   * from the user are left out.
   */
  getCatalogSummaries(entityRefs: string[]): Promise<CatalogSummary[]>;
  /** The monthly sustainability report of a tribe, or of the organisation without `tribe`. */
  getSustainabilityReport(
    query: SustainabilityReportQuery,
  ): Promise<SustainabilityReport>;
  /** The same report as the backend's CSV (`format=csv`). */
  getSustainabilityReportCsv(query: SustainabilityReportQuery): Promise<string>;
}

/**
 * Which report: `month` as `YYYY-MM`, `tribe` a group entity ref.
 *
 * @public
 */
export interface SustainabilityReportQuery {
  month: string;
  tribe?: string;
}

/** @public */
export const squadInsightsApiRef = createApiRef<SquadInsightsApi>({
  id: 'plugin.squad-insights.service',
});
