import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { setupServer } from 'msw/node';
import { FakeGithub } from './fakeGithub';

export const TOKEN = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';

export const config = mockServices.rootConfig({
  data: {
    integrations: { github: [{ host: 'github.com', token: TOKEN }] },
    scaffolder: {
      defaultAuthor: {
        name: 'Squad Insights',
        email: 'squad-insights@example.com',
      },
    },
  },
});

export const integrations = ScmIntegrations.fromConfig(config);

/**
 * An msw server that fails every request no handler answers, with a fresh FakeGithub per
 * test. Not registerMswTestHooks: importing it keeps a handle open in the jest worker.
 */
export function setupFakeGithub() {
  const server = setupServer();
  const state = { github: new FakeGithub() };
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    state.github = new FakeGithub();
    server.use(...state.github.handlers());
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return state;
}

/**
 * A mock action context whose checkpoints remember finished steps across calls, like the
 * task engine does for a retried task.
 */
export function contextWith<T extends Record<string, unknown>>(
  input: T,
  options: {
    workspacePath?: string;
    isDryRun?: boolean;
    checkpoints?: Map<string, unknown>;
  } = {},
): { ctx: ActionContext<any, any>; checkpoints: Map<string, unknown> } {
  const checkpoints = options.checkpoints ?? new Map<string, unknown>();
  const ctx = createMockActionContext({
    // As JSON, the way the engine hands a step its input.
    input: JSON.parse(JSON.stringify(input)),
    ...(options.workspacePath ? { workspacePath: options.workspacePath } : {}),
  });
  // createMockActionContext drops isDryRun.
  ctx.isDryRun = options.isDryRun;
  ctx.checkpoint = async <U>({
    key,
    fn,
  }: {
    key: string;
    fn: () => Promise<U> | U;
  }) => {
    if (checkpoints.has(key)) return checkpoints.get(key) as U;
    const value = await fn();
    // The engine stores checkpoint values as JSON; a retried task gets them back parsed.
    checkpoints.set(key, JSON.parse(JSON.stringify(value ?? {})));
    return value;
  };
  // Loosely typed: tests pass inputs as a template would, before the engine's validation.
  return { ctx: ctx as unknown as ActionContext<any, any>, checkpoints };
}
