import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  AttestationResponse,
  AttestationsResponse,
  CatalogSummariesResponse,
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
import type {
  SquadInsightsApi,
  SustainabilityReportQuery,
} from './SquadInsightsApi';

function reportPath(query: SustainabilityReportQuery) {
  const params = new URLSearchParams({ month: query.month });
  if (query.tribe) params.set('tribe', query.tribe);
  return `/reports/sustainability?${params}`;
}

function entityPath(ref: CompoundEntityRef) {
  return [ref.namespace, ref.kind, ref.name].map(encodeURIComponent).join('/');
}

/**
 * Talks to the squad-insights backend. Authentication comes from `fetchApi`, which adds the
 * signed-in user's token; the client never handles tokens itself.
 *
 * @public
 */
export class SquadInsightsClient implements SquadInsightsApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  getServiceProfile(ref: CompoundEntityRef): Promise<ServiceProfileResponse> {
    return this.request<ServiceProfileResponse>(
      `/entities/${entityPath(ref)}/profile`,
    );
  }

  getFootprint(ref: CompoundEntityRef): Promise<EntityFootprintResponse> {
    return this.request<EntityFootprintResponse>(
      `/entities/${entityPath(ref)}/footprint`,
    );
  }

  getCompliance(ref: CompoundEntityRef): Promise<EntityComplianceResponse> {
    return this.request<EntityComplianceResponse>(
      `/entities/${entityPath(ref)}/compliance`,
    );
  }

  async listWaivers(ref: CompoundEntityRef): Promise<WaiverResponse[]> {
    const body = await this.request<{ items: WaiverResponse[] }>(
      `/entities/${entityPath(ref)}/waivers`,
    );
    return body.items;
  }

  grantWaiver(
    ref: CompoundEntityRef,
    waiver: { checkId: string; justification: string; expiresAt: string },
  ): Promise<WaiverResponse> {
    return this.request<WaiverResponse>(
      `/entities/${entityPath(ref)}/waivers`,
      {
        method: 'POST',
        body: waiver,
      },
    );
  }

  revokeWaiver(
    ref: CompoundEntityRef,
    id: string,
    reason?: string,
  ): Promise<WaiverResponse> {
    return this.request<WaiverResponse>(
      `/entities/${entityPath(ref)}/waivers/${encodeURIComponent(id)}/revoke`,
      { method: 'POST', body: reason ? { reason } : {} },
    );
  }

  async listWaiverRequests(
    ref: CompoundEntityRef,
  ): Promise<WaiverRequestResponse[]> {
    const body = await this.request<{ items: WaiverRequestResponse[] }>(
      `/entities/${entityPath(ref)}/waiver-requests`,
    );
    return body.items;
  }

  requestWaiver(
    ref: CompoundEntityRef,
    request: { checkId: string; justification: string; expiresAt: string },
  ): Promise<WaiverRequestResponse> {
    return this.request<WaiverRequestResponse>(
      `/entities/${entityPath(ref)}/waiver-requests`,
      {
        method: 'POST',
        body: request,
      },
    );
  }

  approveWaiverRequest(
    ref: CompoundEntityRef,
    id: string,
  ): Promise<WaiverRequestResponse> {
    return this.request<WaiverRequestResponse>(
      `/entities/${entityPath(ref)}/waiver-requests/${encodeURIComponent(
        id,
      )}/approve`,
      { method: 'POST', body: {} },
    );
  }

  rejectWaiverRequest(
    ref: CompoundEntityRef,
    id: string,
    reason?: string,
  ): Promise<WaiverRequestResponse> {
    return this.request<WaiverRequestResponse>(
      `/entities/${entityPath(ref)}/waiver-requests/${encodeURIComponent(
        id,
      )}/reject`,
      { method: 'POST', body: reason ? { reason } : {} },
    );
  }

  listAttestations(ref: CompoundEntityRef): Promise<AttestationsResponse> {
    return this.request<AttestationsResponse>(
      `/entities/${entityPath(ref)}/attestations`,
    );
  }

  attest(
    ref: CompoundEntityRef,
    attestation: {
      checkId: string;
      statement: string;
      evidenceUrl: string;
      expiresAt: string;
    },
  ): Promise<AttestationResponse> {
    return this.request<AttestationResponse>(
      `/entities/${entityPath(ref)}/attestations`,
      {
        method: 'POST',
        body: attestation,
      },
    );
  }

  revokeAttestation(
    ref: CompoundEntityRef,
    id: string,
    reason?: string,
  ): Promise<AttestationResponse> {
    return this.request<AttestationResponse>(
      `/entities/${entityPath(ref)}/attestations/${encodeURIComponent(
        id,
      )}/revoke`,
      { method: 'POST', body: reason ? { reason } : {} },
    );
  }

  async listGateDecisions(
    ref: CompoundEntityRef,
    limit?: number,
  ): Promise<GateDecisionResponse[]> {
    const query = limit ? `?limit=${limit}` : '';
    const body = await this.request<{ items: GateDecisionResponse[] }>(
      `/entities/${entityPath(ref)}/gate/decisions${query}`,
    );
    return body.items;
  }

  overrideGateDecision(
    ref: CompoundEntityRef,
    decisionId: string,
    override: { reason: string; expiresInHours?: number },
  ): Promise<GateOverrideResponse> {
    return this.request<GateOverrideResponse>(
      `/entities/${entityPath(ref)}/gate/decisions/${encodeURIComponent(
        decisionId,
      )}/override`,
      { method: 'POST', body: override },
    );
  }

  async listReviews(ref: CompoundEntityRef): Promise<ReviewResponse[]> {
    const body = await this.request<{ items: ReviewResponse[] }>(
      `/entities/${entityPath(ref)}/reviews`,
    );
    return body.items;
  }

  createReview(
    ref: CompoundEntityRef,
    review: { decision: 'approved' | 'changes_requested'; comment?: string },
  ): Promise<ReviewResponse> {
    return this.request<ReviewResponse>(
      `/entities/${entityPath(ref)}/reviews`,
      {
        method: 'POST',
        body: review,
      },
    );
  }

  getGroupFootprint(ref: CompoundEntityRef): Promise<GroupFootprintResponse> {
    const path = [ref.namespace, ref.name].map(encodeURIComponent).join('/');
    return this.request<GroupFootprintResponse>(`/groups/${path}/footprint`);
  }

  getPortfolio(query: PortfolioQuery): Promise<PortfolioResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return this.request<PortfolioResponse>(
      `/compliance/portfolio${search ? `?${search}` : ''}`,
    );
  }

  async getCatalogSummaries(entityRefs: string[]): Promise<CatalogSummary[]> {
    const body = await this.request<CatalogSummariesResponse>(
      '/compliance/summaries',
      {
        method: 'POST',
        body: { entityRefs },
      },
    );
    return body.items;
  }

  getSustainabilityReport(
    query: SustainabilityReportQuery,
  ): Promise<SustainabilityReport> {
    return this.request<SustainabilityReport>(reportPath(query));
  }

  async getSustainabilityReportCsv(
    query: SustainabilityReportQuery,
  ): Promise<string> {
    return this.request<string>(
      `${reportPath(query)}&format=csv`,
      undefined,
      'text',
    );
  }

  private async request<T>(
    path: string,
    init?: { method: 'POST'; body: unknown },
    as: 'json' | 'text' = 'json',
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl(
      'squad-insights',
    );
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}`,
      init && {
        method: init.method,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(init.body),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (as === 'text' ? await response.text() : await response.json()) as T;
  }
}
