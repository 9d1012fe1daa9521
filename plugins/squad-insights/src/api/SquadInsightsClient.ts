import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  EntityComplianceResponse,
  EntityFootprintResponse,
  ServiceProfileResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { SquadInsightsApi } from './SquadInsightsApi';

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
    private readonly options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  getServiceProfile(ref: CompoundEntityRef): Promise<ServiceProfileResponse> {
    return this.request<ServiceProfileResponse>(`/entities/${entityPath(ref)}/profile`);
  }

  getFootprint(ref: CompoundEntityRef): Promise<EntityFootprintResponse> {
    return this.request<EntityFootprintResponse>(`/entities/${entityPath(ref)}/footprint`);
  }

  getCompliance(ref: CompoundEntityRef): Promise<EntityComplianceResponse> {
    return this.request<EntityComplianceResponse>(`/entities/${entityPath(ref)}/compliance`);
  }

  private async request<T>(path: string): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('squad-insights');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
