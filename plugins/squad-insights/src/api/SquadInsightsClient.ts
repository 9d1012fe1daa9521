import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { ServiceProfileResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { SquadInsightsApi } from './SquadInsightsApi';

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
    const path = [ref.namespace, ref.kind, ref.name].map(encodeURIComponent).join('/');
    return this.request<ServiceProfileResponse>(`/entities/${path}/profile`);
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
