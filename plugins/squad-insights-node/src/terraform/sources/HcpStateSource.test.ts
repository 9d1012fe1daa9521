import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { HcpStateSource } from './HcpStateSource';
import { StateSourceError } from './StateSourceError';
import { readAll, sampleState } from './testUtils';

const server = setupServer();
registerMswTestHooks(server);

const TOKEN = 'atlasv1.team-token-s3cr3t';
const API = 'https://app.terraform.io/api/v2';
const state = sampleState(9);

// Shapes follow the HCP Terraform API docs ("Show Workspace", "Fetch the Current State
// Version for a Workspace", JSON:API error objects), trimmed to a few attributes.
const workspaceDoc = (id: string, name: string) => ({
  data: {
    id,
    type: 'workspaces',
    attributes: {
      name,
      'execution-mode': 'remote',
      'terraform-version': '1.9.5',
      locked: false,
    },
    relationships: {
      organization: { data: { id: 'my-organization', type: 'organizations' } },
      'current-state-version': {
        data: { id: 'sv-g4rqST72reoHMM5a', type: 'state-versions' },
        links: { related: `/api/v2/workspaces/${id}/current-state-version` },
      },
    },
    links: { self: `/api/v2/organizations/my-organization/workspaces/${name}` },
  },
});
const stateVersionDoc = (downloadUrl: string) => ({
  data: {
    id: 'sv-g4rqST72reoHMM5a',
    type: 'state-versions',
    attributes: {
      'created-at': '2021-06-08T01:22:03.794Z',
      size: 940,
      'hosted-state-download-url': downloadUrl,
      'hosted-json-state-download-url':
        'https://archivist.terraform.io/v1/object/json-secret',
      'resources-processed': false,
      serial: 9,
      'state-version': 4,
      'terraform-version': '0.15.4',
    },
    relationships: {
      workspace: { data: { id: 'ws-noZcaGXsac6aZSJR', type: 'workspaces' } },
    },
    links: { self: '/api/v2/state-versions/sv-g4rqST72reoHMM5a' },
  },
});
const notFound = () =>
  HttpResponse.json(
    { errors: [{ status: '404', title: 'not found' }] },
    { status: 404 },
  );

function api(
  base = API,
  downloadUrl = 'https://archivist.terraform.io/v1/object/dmF1bHQ6djE6c2VjcmV0',
) {
  const calls: string[] = [];
  const record = (request: Request) =>
    calls.push(
      `${new URL(request.url).host}${
        new URL(request.url).pathname
      } ${request.headers.get('authorization')} ${request.headers.get(
        'content-type',
      )}`,
    );
  server.use(
    http.get(
      `${base}/organizations/my-organization/workspaces/payments-prod`,
      ({ request }) => {
        record(request);
        return HttpResponse.json(
          workspaceDoc('ws-noZcaGXsac6aZSJR', 'payments-prod'),
        );
      },
    ),
    http.get(
      `${base}/workspaces/ws-noZcaGXsac6aZSJR/current-state-version`,
      ({ request }) => {
        record(request);
        return HttpResponse.json(stateVersionDoc(downloadUrl));
      },
    ),
  );
  return calls;
}

const source = (extra: Record<string, unknown> = {}) =>
  HcpStateSource.fromConfig(
    new ConfigReader({
      id: 'hcp',
      type: 'hcp',
      organization: 'my-organization',
      token: TOKEN,
      ...extra,
    }),
  );

describe('HcpStateSource', () => {
  it('finds the workspace, its current state version and gives <id>:<serial> as marker', async () => {
    const calls = api();
    await expect(source().marker('payments-prod')).resolves.toBe(
      'sv-g4rqST72reoHMM5a:9',
    );
    expect(calls).toEqual([
      `app.terraform.io/api/v2/organizations/my-organization/workspaces/payments-prod Bearer ${TOKEN} application/vnd.api+json`,
      `app.terraform.io/api/v2/workspaces/ws-noZcaGXsac6aZSJR/current-state-version Bearer ${TOKEN} application/vnd.api+json`,
    ]);
  });

  it('downloads the state from archivist, following redirects, without sending the token there', async () => {
    api();
    const seen: Array<string | null> = [];
    server.use(
      http.get(
        'https://archivist.terraform.io/v1/object/dmF1bHQ6djE6c2VjcmV0',
        ({ request }) => {
          seen.push(request.headers.get('authorization'));
          return new HttpResponse(null, {
            status: 307,
            headers: { Location: 'https://blobs.example.net/state?sig=abc' },
          });
        },
      ),
      http.get('https://blobs.example.net/state', ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.text(state);
      }),
    );
    const result = await source().read('payments-prod');
    expect(result?.marker).toBe('sv-g4rqST72reoHMM5a:9');
    expect(await readAll(result!.body)).toBe(state);
    expect(seen).toEqual([null, null]);
  });

  it('sends the token for a download on the Terraform Enterprise host itself', async () => {
    const tfe = 'https://tfe.example.com/api/v2';
    api(tfe, '/_archivist/v1/object/secret-object');
    server.use(
      http.get(
        'https://tfe.example.com/_archivist/v1/object/secret-object',
        ({ request }) =>
          request.headers.get('authorization') === `Bearer ${TOKEN}`
            ? HttpResponse.text(state)
            : HttpResponse.json(
                { errors: [{ status: '401', title: 'unauthorized' }] },
                { status: 401 },
              ),
      ),
    );
    const result = await source({ baseUrl: 'https://tfe.example.com/' }).read(
      'payments-prod',
    );
    expect(await readAll(result!.body)).toBe(state);
  });

  it('reports a workspace without state (404 on current-state-version) as no state', async () => {
    api();
    server.use(
      http.get(
        `${API}/workspaces/ws-noZcaGXsac6aZSJR/current-state-version`,
        notFound,
      ),
    );
    await expect(source().marker('payments-prod')).resolves.toBeUndefined();
    await expect(source().read('payments-prod')).resolves.toBeUndefined();
  });

  it('reports an unknown (or hidden) workspace as no state', async () => {
    server.use(
      http.get(
        `${API}/organizations/my-organization/workspaces/ghost`,
        notFound,
      ),
    );
    await expect(source().read('ghost')).resolves.toBeUndefined();
  });

  it('turns a bad token into a StateSourceError that does not contain it', async () => {
    server.use(
      http.get(
        `${API}/organizations/my-organization/workspaces/payments-prod`,
        ({ request }) =>
          HttpResponse.json(
            {
              errors: [
                {
                  status: '401',
                  title: `unauthorized: ${request.headers.get(
                    'authorization',
                  )}`,
                },
              ],
            },
            { status: 401 },
          ),
      ),
    );
    const error = await source()
      .marker('payments-prod')
      .catch(e => e);
    expect(error).toBeInstanceOf(StateSourceError);
    expect(error.message).toBe(
      'Terraform state hcp:payments-prod could not be read: HTTP 401 Unauthorized',
    );
    expect(error.message).not.toContain(TOKEN);
  });

  it('fails clearly when the blob download fails, without naming the secret URL', async () => {
    api();
    server.use(
      http.get(
        'https://archivist.terraform.io/v1/object/dmF1bHQ6djE6c2VjcmV0',
        () => new HttpResponse('expired', { status: 403 }),
      ),
    );
    const error = await source()
      .read('payments-prod')
      .catch(e => e);
    expect(error.message).toBe(
      'Terraform state hcp:payments-prod could not be downloaded: HTTP 403 Forbidden',
    );
  });
});
