import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { API, errorBody } from './__testUtils__/githubResponses';
import { integrations, TOKEN } from './__testUtils__/setup';
import { createGithubClient } from './client';
import { withGitHubErrors } from './githubError';

describe('withGitHubErrors', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  /** Answers GET /repos/acme-music/payments with the given response, as GitHub would. */
  async function failWith(response: () => Response): Promise<Error> {
    server.use(http.get(`${API}/repos/acme-music/payments`, response));
    const { octokit } = await createGithubClient({
      integrations,
      host: 'github.com',
      owner: 'acme-music',
    });
    return withGitHubErrors(
      () => octokit.rest.repos.get({ owner: 'acme-music', repo: 'payments' }),
      'read repository acme-music/payments',
    ).then(
      () => {
        throw new Error('expected GitHub to fail');
      },
      (e: Error) => e,
    );
  }

  it.each([
    [
      'a used-up rate limit, with when it resets',
      () =>
        HttpResponse.json(
          errorBody(
            403,
            'API rate limit exceeded for user ID 1296269.',
            'https://docs.github.com/rest/rate-limit',
          ),
          {
            status: 403,
            headers: {
              'X-RateLimit-Remaining': '0',
              'X-RateLimit-Reset': '1796288400',
            },
          },
        ),
      'NotAllowedError',
      "Could not read repository acme-music/payments: GitHub answered 403 API rate limit exceeded for user ID 1296269.. The token's rate limit is used up (it resets at 2026-12-03T09:00:00.000Z); retry the task later",
    ],
    [
      'a token not authorized for SAML single sign-on',
      () =>
        HttpResponse.json(
          errorBody(
            403,
            'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
            'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/',
          ),
          {
            status: 403,
            headers: {
              'X-GitHub-SSO':
                'required; url=https://github.com/orgs/acme-music/sso?authorization_request=AZ',
            },
          },
        ),
      'NotAllowedError',
      "Could not read repository acme-music/payments: GitHub answered 403 Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.. The token is not authorized for the organization's SAML single sign-on (required; url=https://github.com/orgs/acme-music/sso?authorization_request=AZ)",
    ],
    [
      'a 404 that may be a missing scope',
      () =>
        HttpResponse.json(
          errorBody(
            404,
            'Not Found',
            'https://docs.github.com/rest/repos/repos#get-a-repository',
          ),
          {
            status: 404,
            headers: {
              'X-Accepted-OAuth-Scopes': 'repo',
              'X-OAuth-Scopes': 'read:org',
            },
          },
        ),
      'NotFoundError',
      "Could not read repository acme-music/payments: GitHub answered 404 Not Found. It does not exist or the token cannot see it (GitHub answers 404 for both; the token's scopes are read:org but this needs repo)",
    ],
    [
      "a 422 with GitHub's details",
      () =>
        HttpResponse.json(
          errorBody(422, 'Validation Failed', 'https://docs.github.com/rest', [
            {
              resource: 'Repository',
              code: 'custom',
              field: 'name',
              message: 'name already exists on this account',
            },
          ]),
          { status: 422 },
        ),
      'InputError',
      'Could not read repository acme-music/payments: GitHub answered 422 Validation Failed: name already exists on this account',
    ],
    [
      'a server error',
      () => HttpResponse.json({ message: 'Server Error' }, { status: 502 }),
      'Error',
      'Could not read repository acme-music/payments: GitHub answered 502 Server Error; try again later',
    ],
  ])(
    'explains %s, naming the operation',
    async (_what, response, name, message) => {
      const error = await failWith(response);
      expect(error).toMatchObject({ name, message });
      // Only GitHub's answer: no stack trace, no request, no token.
      expect(error.message).not.toContain(TOKEN);
      expect(error.message).not.toMatch(/\n\s+at /);
    },
  );

  it('tells a failed connection from an answer, naming the operation', async () => {
    const error = await failWith(() => HttpResponse.error());
    expect(error.message).toMatch(
      /^Could not read repository acme-music\/payments: GitHub could not be reached \(.+\); check the network and try again$/,
    );
    expect(error.message).not.toContain(TOKEN);
  });

  it('passes the result through when GitHub answers', async () => {
    server.use(
      http.get(`${API}/repos/acme-music/payments`, () =>
        HttpResponse.json({ full_name: 'acme-music/payments' }),
      ),
    );
    const { octokit } = await createGithubClient({
      integrations,
      host: 'github.com',
      owner: 'acme-music',
    });
    const { data } = await withGitHubErrors(
      () => octokit.rest.repos.get({ owner: 'acme-music', repo: 'payments' }),
      'read it',
    );
    expect(data.full_name).toBe('acme-music/payments');
  });
});
