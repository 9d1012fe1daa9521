import { z as zImpl } from 'zod/v3';

type Z = typeof zImpl;

/** Input fields every GitHub action of the squad template shares. */
export const githubInputs = {
  host: (z: Z) =>
    z
      .string({
        description:
          'GitHub host; must be configured under integrations.github',
      })
      .default('github.com'),
  owner: (z: Z) =>
    z
      .string({
        description: 'Organization or user that owns the repositories',
      })
      .regex(
        /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/,
        'must be a GitHub account name',
      ),
  token: (z: Z) =>
    z
      .string({
        description:
          "A token to act with instead of the integration's credentials (e.g. the user's OAuth token from RepoUrlPicker)",
      })
      .optional(),
};

/** A repository name as GitHub accepts it. */
export const repositoryName = (z: Z) =>
  z
    .string()
    .regex(
      /^[A-Za-z0-9_.-]{1,100}$/,
      'must be a GitHub repository name (letters, digits, -, _ and .)',
    );

/**
 * The task engine validates input against the JSON schema but does not apply zod defaults,
 * so the actions apply them themselves.
 */
export const DEFAULT_HOST = 'github.com';
