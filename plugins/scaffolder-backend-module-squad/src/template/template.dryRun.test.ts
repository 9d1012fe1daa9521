import { parse } from 'yaml';
import {
  demoOrganisation,
  demoOrganisationWithIacRepository,
} from './__testUtils__/demoCatalog';
import {
  repositoryFiles,
  startDryRunBackend,
  stepInput,
  stepStatus,
} from './__testUtils__/dryRun';
import { defaultValues } from './__testUtils__/values';

// Each suite starts the real scaffolder backend; dry-runs take seconds on a busy machine.
jest.setTimeout(60_000);

const SERVICE_FILES = [
  '.dockerignore',
  '.github/CODEOWNERS',
  '.github/workflows/ci.yaml',
  '.gitignore',
  'Dockerfile',
  'README.md',
  'catalog-info.yaml',
  'consul/service.hcl',
  'k8s/deployment.yaml',
  'k8s/service.yaml',
  'package.json',
  'src/main.ts',
  'src/server.test.ts',
  'src/server.ts',
  'tsconfig.json',
];

const INFRA_FILES = [
  '.github/CODEOWNERS',
  '.github/workflows/terraform.yaml',
  '.gitignore',
  'README.md',
  'main.tf',
  'modules/s3-bucket/main.tf',
  'modules/s3-bucket/outputs.tf',
  'modules/s3-bucket/variables.tf',
  'modules/s3-bucket/versions.tf',
  'modules/squad-service/logging.tf',
  'modules/squad-service/main.tf',
  'modules/squad-service/outputs.tf',
  'modules/squad-service/scaling.tf',
  'modules/squad-service/storage.tf',
  'modules/squad-service/variables.tf',
  'modules/squad-service/versions.tf',
  'outputs.tf',
  'providers.tf',
  'tags.tf',
  'terraform.tfvars',
  'variables.tf',
  'versions.tf',
];

describe('squad-microservice template, dry-run through the scaffolder backend', () => {
  describe('a squad without an IaC repository', () => {
    const backend = startDryRunBackend(demoOrganisation());
    afterAll(async () => (await backend).stop());

    it('renders both repositories, every file templated', async () => {
      const result = await (await backend).dryRun(defaultValues);

      expect([...repositoryFiles(result, 'service').keys()].sort()).toEqual(
        SERVICE_FILES,
      );
      expect([...repositoryFiles(result, 'infra').keys()].sort()).toEqual(
        INFRA_FILES,
      );
      expect(
        [...result.files.keys()].filter(p => !/^(service|infra)\//.test(p)),
      ).toEqual([]);
      for (const [path, text] of result.files) {
        // A value the skeleton names but the template does not pass renders as nothing, and
        // a forgotten {% raw %} leaves a GitHub expression out of the workflow.
        expect({
          path,
          leftover: /\$\{\{(?! (github|secrets|vars)\.)/.test(text),
        }).toEqual({
          path,
          leftover: false,
        });
      }
    });

    it('gates the infra pipeline on the compliance check of the plan itself', async () => {
      const result = await (await backend).dryRun(defaultValues);
      const workflow = parse(
        repositoryFiles(result, 'infra').get(
          '.github/workflows/terraform.yaml',
        )!,
      );
      const steps: Array<{ name?: string; run?: string }> =
        workflow.jobs.terraform.steps;
      const runs = steps.map(s => s.run ?? '');
      const planned = runs.findIndex(r =>
        r.includes('terraform show -json tfplan > plan.json'),
      );
      const check = steps.findIndex(s => s.name === 'squad-insights check');
      expect(planned).toBeGreaterThan(
        runs.indexOf('terraform plan -out=tfplan'),
      );
      expect(check).toBeGreaterThan(planned);
      const command = steps[check].run!.replace(/\\\n\s*/g, '');
      expect(command).toContain(
        'yarn squad-insights check --plan "$GITHUB_WORKSPACE/plan.json" --entity "$GITHUB_WORKSPACE/.service/catalog-info.yaml" --tribe content-tribe --organization "Acme Music AB" --fail-on high',
      );
      // No rewriting of the plan into a fake state any more.
      expect(runs.join('\n')).not.toMatch(/--state|planned_values|\bjq\b/);
    });

    it('checks GitHub, publishes both with publish:github and verifies what it applied', async () => {
      const result = await (await backend).dryRun(defaultValues);

      expect(stepInput(result, 'preflight')).toEqual({
        owner: 'acme-music',
        repositories: ['royalty-statements', 'royalty-statements-infra'],
        teams: ['rights-squad', 'content-tribe'],
      });
      // The governance publish:github applies; topics in GitHub's form (githubTopics filter).
      const governance = {
        repoVisibility: 'internal',
        defaultBranch: 'main',
        collaborators: [
          { team: 'rights-squad', access: 'maintain' },
          { team: 'content-tribe', access: 'pull' },
        ],
        topics: [
          'squad-insights-managed',
          'squad-rights-squad',
          'tribe-content-tribe',
          'data-financial',
          'gdpr',
          'music-rights',
        ],
        protectDefaultBranch: true,
        protectEnforceAdmins: true,
        // financial data: two reviewers (the policy's stricter requiredApprovals)
        requiredApprovingReviewCount: 2,
        requireCodeOwnerReviews: true,
        dismissStaleReviews: true,
        requiredStatusCheckContexts: ['ci'],
      };
      expect(stepInput(result, 'publish-service')).toMatchObject({
        ...governance,
        repoUrl: 'github.com?owner=acme-music&repo=royalty-statements',
        sourcePath: './service',
        homepage: 'https://github.com/acme-music/royalty-statements-infra',
      });
      expect(stepInput(result, 'publish-infra')).toMatchObject({
        ...governance,
        repoUrl: 'github.com?owner=acme-music&repo=royalty-statements-infra',
        sourcePath: './infra',
        homepage: 'https://github.com/acme-music/royalty-statements',
      });
      expect(stepInput(result, 'verify-governance')).toEqual({
        owner: 'acme-music',
        repositories: ['royalty-statements', 'royalty-statements-infra'],
        requiredApprovals: 2,
        requiredStatusChecks: ['ci'],
        teams: { maintain: 'rights-squad', read: ['content-tribe'] },
        topics: governance.topics,
      });
      // The code owners that requireCodeOwnerReviews waits for.
      for (const folder of ['service', 'infra'] as const) {
        expect(
          repositoryFiles(result, folder).get('.github/CODEOWNERS'),
        ).toContain('* @acme-music/rights-squad');
      }
      for (const step of [
        'ownership',
        'profile',
        'fetch-service',
        'fetch-infra',
        'preflight',
        'verify-governance',
      ]) {
        expect({ step, status: stepStatus(result, step) }).toEqual({
          step,
          status: 'completed',
        });
      }
      // publish:github has no dry-run; the scaffolder logs its input and skips it.
      expect(stepStatus(result, 'publish-service')).toBe('skipped');
      expect(stepStatus(result, 'iac-pull-request')).toBe('skipped');
      expect(result.output.links?.map(l => l.title)).toEqual([
        'Service repository',
        'Infrastructure repository',
        'Open in catalog',
      ]);
    });

    it('refuses a region the policy does not allow for the classification, naming it', async () => {
      await expect(
        (await backend).dryRun({ ...defaultValues, region: 'eu-central-1' }),
      ).rejects.toThrow(
        /region "eu-central-1" is not allowed: choose one of eu-north-1/,
      );
    });
  });

  describe('a squad that keeps its services in one IaC repository', () => {
    const backend = startDryRunBackend(
      demoOrganisationWithIacRepository('rights-squad', {
        'squad-insights.io/iac-repository':
          'acme-music/content-infra:squads/rights/services.tf',
        'squad-insights.io/iac-state-source': 'terraform-states',
        'squad-insights.io/iac-state-key':
          'content-infra/squads/rights/terraform.tfstate',
      }),
    );
    afterAll(async () => (await backend).stop());

    it('publishes only the service, opens a pull request and points the catalog at the squad state', async () => {
      const result = await (await backend).dryRun(defaultValues);

      expect(stepInput(result, 'preflight')?.repositories).toEqual([
        'royalty-statements',
      ]);
      expect(stepInput(result, 'publish-service')).toMatchObject({
        repoUrl: 'github.com?owner=acme-music&repo=royalty-statements',
        sourcePath: './service',
        homepage: 'https://github.com/acme-music/content-infra',
      });
      expect(stepStatus(result, 'publish-infra')).toBe('skipped');
      expect(stepInput(result, 'publish-infra')).toBeUndefined();
      expect(stepInput(result, 'verify-governance')?.repositories).toEqual([
        'royalty-statements',
      ]);
      expect(stepInput(result, 'iac-pull-request')).toEqual({
        owner: 'acme-music',
        repo: 'content-infra',
        path: 'squads/rights/services.tf',
        serviceName: 'royalty-statements',
        title: 'Add royalty-statements (financial)',
        entry: {
          // The design's tag block, with the catalog's display names.
          tags: {
            Squad: 'Rights Squad',
            Tribe: 'Content & Rights',
            Chapter: 'Backend Engineering',
            Guild: 'Data Engineering',
            BusinessCapability: 'Royalty reporting',
            DataClassification: 'financial',
            ComplianceRequirements: 'GDPR,Music_Rights',
            Country: 'Sweden',
            Organization: 'Acme Music AB',
            Environment: 'production',
            ManagedBy: 'Terraform',
          },
          region: 'eu-north-1',
          backup_region: 'eu-west-1',
          record_retention_years: 7,
          log_retention_days: 2557,
          backup_retention_days: 35,
          deletion_protection: true,
          encryption_in_transit: true,
          scaling: defaultValues.scaling,
        },
      });

      const catalogInfo = repositoryFiles(result, 'service').get(
        'catalog-info.yaml',
      );
      // The shared state, narrowed to this service's instance of the services-map module.
      expect(catalogInfo).toContain(
        'squad-insights.io/terraform-state: "terraform-states:content-infra/squads/rights/terraform.tfstate#module.squad_microservice[\\"royalty-statements\\"]"',
      );
      expect(catalogInfo).toContain(
        'url: https://github.com/acme-music/content-infra',
      );
      expect(result.output.links?.map(l => l.title)).toEqual([
        'Service repository',
        "Pull request in the squad's IaC repository",
        'Open in catalog',
      ]);
    });
  });
});
