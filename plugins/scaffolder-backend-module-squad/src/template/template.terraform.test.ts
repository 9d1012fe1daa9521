import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  ComplianceRequirement,
  DATA_CLASSIFICATIONS,
  DataClassification,
  defaultPolicy,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { posix } from 'node:path';
import { createComplianceProfileAction } from '../actions/compliance/complianceProfile';
import { demoOrganisation } from './__testUtils__/demoCatalog';
import {
  DryRunResult,
  repositoryFiles,
  startDryRunBackend,
} from './__testUtils__/dryRun';
import {
  block,
  declared,
  parseModules,
  references,
} from './__testUtils__/terraform';
import { defaultValues } from './__testUtils__/values';

// Each suite starts the real scaffolder backend; dry-runs take seconds on a busy machine.
jest.setTimeout(60_000);

type ProfileInput = Parameters<
  ReturnType<typeof createComplianceProfileAction>['handler']
>[0]['input'];

/** What `squad:compliance:profile` derives, run on its own with the template's inputs. */
async function profileOf(input: ProfileInput) {
  const ctx = createMockActionContext({ input });
  await createComplianceProfileAction().handler(ctx);
  return Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls.map(([name, value]) => [name, value]),
  );
}

describe('squad-microservice template, the generated Terraform', () => {
  const backend = startDryRunBackend(demoOrganisation());
  afterAll(async () => (await backend).stop());

  let rendered: DryRunResult;
  beforeAll(async () => {
    rendered = await (await backend).dryRun(defaultValues);
  });

  it('parses as HCL2 and references only declared variables, modules and module inputs', async () => {
    const modules = await parseModules(repositoryFiles(rendered, 'infra'));
    expect([...modules.keys()].sort()).toEqual([
      '.',
      'modules/s3-bucket',
      'modules/squad-service',
    ]);

    for (const [dir, files] of modules) {
      const variables = declared(files, 'variable');
      expect({
        dir,
        undeclared: [...references(files, 'var')].filter(
          v => !variables.has(v),
        ),
      }).toEqual({
        dir,
        undeclared: [],
      });
      const calls = declared(files, 'module');
      expect({
        dir,
        undeclared: [...references(files, 'module')].filter(m => !calls.has(m)),
      }).toEqual({
        dir,
        undeclared: [],
      });

      for (const name of calls) {
        const call = block(files, 'module', name);
        const target = posix.normalize(posix.join(dir, call.source));
        expect({
          dir,
          name,
          source: call.source,
          exists: modules.has(target),
        }).toEqual({
          dir,
          name,
          source: call.source,
          exists: true,
        });
        // Every argument is a variable of the called module; every variable without a
        // default is given.
        const inputs = declared(modules.get(target)!, 'variable');
        const args = Object.keys(call).filter(
          k =>
            ![
              'source',
              'providers',
              'depends_on',
              'for_each',
              'count',
            ].includes(k),
        );
        expect({
          call: `${dir}:${name}`,
          unknown: args.filter(a => !inputs.has(a)),
        }).toEqual({ call: `${dir}:${name}`, unknown: [] });
        const required = [...inputs].filter(
          v => !('default' in block(modules.get(target)!, 'variable', v)),
        );
        expect({
          call: `${dir}:${name}`,
          missing: required.filter(v => !args.includes(v)),
        }).toEqual({ call: `${dir}:${name}`, missing: [] });
      }
    }

    // terraform.tfvars sets exactly the root variables that have no default.
    const root = modules.get('.')!;
    const tfvars = root.get('terraform.tfvars')!;
    const rootRequired = [...declared(root, 'variable')].filter(
      v => !('default' in block(root, 'variable', v)),
    );
    expect(Object.keys(tfvars).sort()).toEqual(rootRequired.sort());
  });

  it('configures the state backend at exactly the key the catalog annotation names', async () => {
    const modules = await parseModules(repositoryFiles(rendered, 'infra'));
    const backendConfig = block(modules.get('.')!, 'terraform')?.backend
      ?.s3?.[0];
    const catalogInfo = repositoryFiles(rendered, 'service').get(
      'catalog-info.yaml',
    )!;
    const reference = /squad-insights\.io\/terraform-state: (\S+)/.exec(
      catalogInfo,
    )![1];

    expect(reference).toBe(
      'terraform-states:royalty-statements-infra/terraform.tfstate',
    );
    // The S3 source reads <prefix>/<key>; the template's default prefix is "services".
    expect(backendConfig).toEqual({
      bucket: 'acme-music-terraform-state',
      key: `services/${reference.slice(reference.indexOf(':') + 1)}`,
      region: 'eu-north-1',
      encrypt: true,
      use_lockfile: true,
    });
  });

  it('builds the compliance settings into the squad-service module', async () => {
    const modules = await parseModules(repositoryFiles(rendered, 'infra'));
    const service = modules.get('modules/squad-service')!;
    const bucket = modules.get('modules/s3-bucket')!;

    expect(block(service, 'resource', 'aws_kms_key', 'this')).toMatchObject({
      enable_key_rotation: true,
    });
    expect(block(service, 'resource', 'aws_kms_key', 'backup')).toMatchObject({
      provider: '${aws.dr}',
      enable_key_rotation: true,
    });
    expect(
      block(service, 'resource', 'aws_cloudwatch_log_group', 'this'),
    ).toMatchObject({
      retention_in_days: '${var.log_retention_days}',
      kms_key_id: '${aws_kms_key.this.arn}',
    });
    expect(block(service, 'module', 'data')).toMatchObject({
      kms_key_arn: '${aws_kms_key.this.arn}',
      access_log_bucket: '${module.access_logs.id}',
      expiration_days: '${local.record_retention_days}',
    });
    expect(block(service, 'module', 'backup')).toMatchObject({
      providers: { aws: '${aws.dr}' },
      kms_key_arn: '${aws_kms_key.backup.arn}',
    });
    expect(
      block(bucket, 'resource', 'aws_s3_bucket_public_access_block', 'this'),
    ).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(
      block(
        bucket,
        'resource',
        'aws_s3_bucket_server_side_encryption_configuration',
        'this',
      ).rule[0].apply_server_side_encryption_by_default[0].sse_algorithm,
    ).toBe('${var.kms_key_arn == null ? "AES256" : "aws:kms"}');
    expect(
      block(bucket, 'resource', 'aws_s3_bucket_versioning', 'this')
        .versioning_configuration[0].status,
    ).toBe('Enabled');

    // The three time bands, in Stockholm time, from the scaling profile.
    const scheduled = (name: string) =>
      block(service, 'resource', 'aws_appautoscaling_scheduled_action', name);
    expect(
      ['business_hours', 'off_hours', 'weekend'].map(name => ({
        name,
        schedule: scheduled(name).schedule,
        timezone: scheduled(name).timezone,
        action: scheduled(name).scalable_target_action[0],
      })),
    ).toEqual([
      {
        name: 'business_hours',
        schedule: 'cron(0 7 ? * MON-FRI *)',
        timezone: 'Europe/Stockholm',
        action: {
          min_capacity: '${var.scaling.business_hours.min}',
          max_capacity: '${var.scaling.business_hours.max}',
        },
      },
      {
        name: 'off_hours',
        schedule: 'cron(0 18 ? * MON-FRI *)',
        timezone: 'Europe/Stockholm',
        action: {
          min_capacity: '${var.scaling.off_hours.min}',
          max_capacity: '${var.scaling.off_hours.max}',
        },
      },
      {
        name: 'weekend',
        schedule: 'cron(0 0 ? * SAT *)',
        timezone: 'Europe/Stockholm',
        action: {
          min_capacity: '${var.scaling.weekend.min}',
          max_capacity: '${var.scaling.weekend.max}',
        },
      },
    ]);
  });

  it("tags every resource with the policy's tag names, from the ownership and classification", async () => {
    const modules = await parseModules(repositoryFiles(rendered, 'infra'));
    const locals = block(modules.get('modules/squad-service')!, 'locals');
    const tagNames = defaultPolicy().parameters.tagNames as Record<
      string,
      string
    >;

    expect(Object.keys(locals.tags).sort()).toEqual(
      Object.values(tagNames).sort(),
    );
    expect(locals.tags).toMatchObject({
      [tagNames.team]: '${var.team}',
      [tagNames.tribe]: '${var.tribe}',
      [tagNames.service]: '${var.service}',
      [tagNames.dataClassification]: '${var.data_classification}',
      [tagNames.managedBy]: 'terraform',
    });
  });

  it.each(Object.keys(DATA_CLASSIFICATIONS) as DataClassification[])(
    'writes what squad:compliance:profile derives for %s data into terraform.tfvars',
    async dataClassification => {
      const values = { ...defaultValues, dataClassification };
      const expected = await profileOf({
        dataClassification,
        complianceRequirements:
          values.complianceRequirements as ComplianceRequirement[],
        region: values.region,
        backupRegion: values.backupRegion,
      });
      const result = await (await backend).dryRun(values);
      const root = (await parseModules(repositoryFiles(result, 'infra'))).get(
        '.',
      )!;
      const tfvars = root.get('terraform.tfvars')!;

      expect(tfvars).toMatchObject({
        team: 'rights-squad',
        tribe: 'content-tribe',
        data_classification: dataClassification,
        compliance_requirements: values.complianceRequirements,
        region: expected.region,
        backup_region: expected.backupRegion,
        record_retention_years: expected.recordRetentionYears,
        log_retention_days: expected.logRetentionDays,
        backup_retention_days: expected.backupRetentionDays,
        deletion_protection: expected.deletionProtection,
        encryption_in_transit: expected.encryptionInTransit,
      });
      // The root module refuses regions outside what the policy allows for this classification.
      const allowed = (name: string) =>
        /contains\((\[.*?\])/.exec(
          block(root, 'variable', name).validation[0].condition,
        )![1];
      expect(JSON.parse(allowed('region'))).toEqual(
        expected.allowedPrimaryRegions,
      );
      expect(JSON.parse(allowed('backup_region'))).toEqual(
        expected.allowedBackupRegions,
      );
    },
  );
});
