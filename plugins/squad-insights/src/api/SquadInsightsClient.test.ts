import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { SquadInsightsClient } from './SquadInsightsClient';
import { profile } from '../components/ComplianceContent/__testUtils__/fixtures';

const server = setupServer();
registerMswTestHooks(server);

const client = new SquadInsightsClient({
  discoveryApi: { getBaseUrl: async () => 'http://backend/api/squad-insights' },
  fetchApi: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) },
});

describe('SquadInsightsClient', () => {
  it('fetches a profile from the entity route', async () => {
    server.use(
      http.get(
        'http://backend/api/squad-insights/entities/default/component/payment-processing/profile',
        () => HttpResponse.json(profile),
      ),
    );
    await expect(
      client.getServiceProfile({
        namespace: 'default',
        kind: 'component',
        name: 'payment-processing',
      }),
    ).resolves.toEqual(profile);
  });

  it('turns an error response into a ResponseError carrying the server message', async () => {
    server.use(
      http.get(
        'http://backend/api/squad-insights/entities/default/component/gone/profile',
        () =>
          HttpResponse.json(
            // The shape Backstage's backend error handler sends.
            {
              error: {
                name: 'NotFoundError',
                message: 'No entity component:default/gone',
              },
              request: {
                method: 'GET',
                url: '/api/squad-insights/entities/default/component/gone/profile',
              },
              response: { statusCode: 404 },
            },
            { status: 404 },
          ),
      ),
    );
    await expect(
      client.getServiceProfile({
        namespace: 'default',
        kind: 'component',
        name: 'gone',
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      cause: {
        name: 'NotFoundError',
        message: 'No entity component:default/gone',
      },
    });
  });
});
