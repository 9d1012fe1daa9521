import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  AttestationResponse,
  AttestationsResponse,
  CatalogSummary,
  EntityComplianceResponse,
  EntityFootprintResponse,
  GateDecisionResponse,
  GateOverrideResponse,
  GroupFootprintResponse,
  paths,
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

/*
 * Every call names its route as the backend's OpenAPI spec does; what it sends and what it
 * gets back are that route's types, generated from the same spec as the backend's router.
 */
type Route = keyof paths;
type Method = 'get' | 'post';
type Operation<R extends Route, M extends Method> = paths[R][M];
type PathParams<R extends Route, M extends Method> = Operation<R, M> extends {
  parameters: { path: infer P };
}
  ? P
  : never;
type Query<R extends Route, M extends Method> = Operation<R, M> extends {
  parameters: { query?: infer Q };
}
  ? Q
  : never;
type Sent<R extends Route, M extends Method> = Operation<R, M> extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
type Answer<R extends Route, M extends Method> = Operation<R, M> extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

function entityParams(ref: CompoundEntityRef) {
  return { namespace: ref.namespace, kind: ref.kind, name: ref.name };
}

function searchOf(query: unknown) {
  const params = new URLSearchParams();
  const entries =
    typeof query === 'object' && query ? Object.entries(query) : [];
  for (const [key, value] of entries) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
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
    return this.call('get', '/entities/{namespace}/{kind}/{name}/profile', {
      path: entityParams(ref),
    });
  }

  getFootprint(ref: CompoundEntityRef): Promise<EntityFootprintResponse> {
    return this.call('get', '/entities/{namespace}/{kind}/{name}/footprint', {
      path: entityParams(ref),
    });
  }

  getCompliance(ref: CompoundEntityRef): Promise<EntityComplianceResponse> {
    return this.call('get', '/entities/{namespace}/{kind}/{name}/compliance', {
      path: entityParams(ref),
    });
  }

  async listWaivers(ref: CompoundEntityRef): Promise<WaiverResponse[]> {
    const body = await this.call(
      'get',
      '/entities/{namespace}/{kind}/{name}/waivers',
      { path: entityParams(ref) },
    );
    return body.items;
  }

  grantWaiver(
    ref: CompoundEntityRef,
    waiver: { checkId: string; justification: string; expiresAt: string },
  ): Promise<WaiverResponse> {
    return this.call('post', '/entities/{namespace}/{kind}/{name}/waivers', {
      path: entityParams(ref),
      body: waiver,
    });
  }

  revokeWaiver(
    ref: CompoundEntityRef,
    id: string,
    reason?: string,
  ): Promise<WaiverResponse> {
    return this.call(
      'post',
      '/entities/{namespace}/{kind}/{name}/waivers/{id}/revoke',
      { path: { ...entityParams(ref), id }, body: reason ? { reason } : {} },
    );
  }

  async listWaiverRequests(
    ref: CompoundEntityRef,
  ): Promise<WaiverRequestResponse[]> {
    const body = await this.call(
      'get',
      '/entities/{namespace}/{kind}/{name}/waiver-requests',
      { path: entityParams(ref) },
    );
    return body.items;
  }

  requestWaiver(
    ref: CompoundEntityRef,
    request: { checkId: string; justification: string; expiresAt: string },
  ): Promise<WaiverRequestResponse> {
    return this.call(
      'post',
      '/entities/{namespace}/{kind}/{name}/waiver-requests',
      { path: entityParams(ref), body: request },
    );
  }

  approveWaiverRequest(
    ref: CompoundEntityRef,
    id: string,
  ): Promise<WaiverRequestResponse> {
    return this.call(
      'post',
      '/entities/{namespace}/{kind}/{name}/waiver-requests/{id}/approve',
      { path: { ...entityParams(ref), id }, body: {} },
    );
  }

  rejectWaiverRequest(
    ref: CompoundEntityRef,
    id: string,
    reason?: string,
  ): Promise<WaiverRequestResponse> {
    return this.call(
      'post',
      '/entities/{namespace}/{kind}/{name}/waiver-requests/{id}/reject',
      { path: { ...entityParams(ref), id }, body: reason ? { reason } : {} },
    );
  }

  listAttestations(ref: CompoundEntityRef): Promise<AttestationsResponse> {
    return this.call(
      'get',
      '/entities/{namespace}/{kind}/{name}/attestations',
      { path: entityParams(ref) },
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
    return this.call(
      'post',
      '/entities/{namespace}/{kind}/{name}/attestations',
      { path: entityParams(ref), body: attestation },
    );
  }

  revokeAttestation(
    ref: CompoundEntityRef,
    id: string,
    reason?: string,
  ): Promise<AttestationResponse> {
    return this.call(
      'post',
      '/entities/{namespace}/{kind}/{name}/attestations/{id}/revoke',
      { path: { ...entityParams(ref), id }, body: reason ? { reason } : {} },
    );
  }

  async listGateDecisions(
    ref: CompoundEntityRef,
    limit?: number,
  ): Promise<GateDecisionResponse[]> {
    const body = await this.call(
      'get',
      '/entities/{namespace}/{kind}/{name}/gate/decisions',
      { path: entityParams(ref), query: limit ? { limit } : undefined },
    );
    return body.items;
  }

  overrideGateDecision(
    ref: CompoundEntityRef,
    decisionId: string,
    override: { reason: string; expiresInHours?: number },
  ): Promise<GateOverrideResponse> {
    return this.call(
      'post',
      '/entities/{namespace}/{kind}/{name}/gate/decisions/{id}/override',
      { path: { ...entityParams(ref), id: decisionId }, body: override },
    );
  }

  async listReviews(ref: CompoundEntityRef): Promise<ReviewResponse[]> {
    const body = await this.call(
      'get',
      '/entities/{namespace}/{kind}/{name}/reviews',
      { path: entityParams(ref) },
    );
    return body.items;
  }

  createReview(
    ref: CompoundEntityRef,
    review: { decision: 'approved' | 'changes_requested'; comment?: string },
  ): Promise<ReviewResponse> {
    return this.call('post', '/entities/{namespace}/{kind}/{name}/reviews', {
      path: entityParams(ref),
      body: review,
    });
  }

  getGroupFootprint(ref: CompoundEntityRef): Promise<GroupFootprintResponse> {
    return this.call('get', '/groups/{namespace}/{name}/footprint', {
      path: { namespace: ref.namespace, name: ref.name },
    });
  }

  getPortfolio(query: PortfolioQuery): Promise<PortfolioResponse> {
    return this.call('get', '/compliance/portfolio', { query });
  }

  async getCatalogSummaries(entityRefs: string[]): Promise<CatalogSummary[]> {
    const body = await this.call('post', '/compliance/summaries', {
      body: { entityRefs },
    });
    return body.items;
  }

  getSustainabilityReport(
    query: SustainabilityReportQuery,
  ): Promise<SustainabilityReport> {
    return this.call('get', '/reports/sustainability', { query });
  }

  async getSustainabilityReportCsv(
    query: SustainabilityReportQuery,
  ): Promise<string> {
    const response = await this.fetch(
      `/reports/sustainability${searchOf({ ...query, format: 'csv' })}`,
    );
    return response.text();
  }

  /** Calls a route of the spec, with its path parameters, query and body, for its 200 answer. */
  private async call<R extends Route, M extends Method>(
    method: M,
    route: R,
    request: {
      path?: PathParams<R, M> & Record<string, string>;
      query?: Query<R, M>;
      body?: Sent<R, M>;
    },
  ): Promise<Answer<R, M>> {
    const path = route.replace(/\{(\w+)\}/g, (_, param: string) =>
      encodeURIComponent(request.path?.[param] ?? ''),
    );
    const response = await this.fetch(
      `${path}${searchOf(request.query)}`,
      method === 'post' ? { body: request.body ?? {} } : undefined,
    );
    return response.json();
  }

  private async fetch(path: string, post?: { body: unknown }) {
    const baseUrl = await this.options.discoveryApi.getBaseUrl(
      'squad-insights',
    );
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}`,
      post && {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(post.body),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
