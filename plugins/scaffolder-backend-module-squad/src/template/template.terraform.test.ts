import yaml from 'yaml';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  ComplianceRequirement,
  DATA_CLASSIFICATIONS,
  DataClassification,
  defaultPolicy,
  parseAwsCron,
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
  HclDocument,
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

/** Every `locals` value of a module, whichever of its files defines it. */
function locals(files: Map<string, HclDocument>): Record<string, any> {
  return Object.assign({}, ...[...files.values()].flatMap(d => d.locals ?? []));
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
    const reference =
      yaml.parse(catalogInfo).metadata.annotations[
        'squad-insights.io/terraform-state'
      ];

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
  });

  it("scales in the design's three Stockholm-time bands, each with its own task range and CPU target", async () => {
    const modules = await parseModules(repositoryFiles(rendered, 'infra'));
    const service = modules.get('modules/squad-service')!;
    const { scaling_bands: bands, scaling_time_zone: timeZone } =
      locals(service);
    // "0 7 * * 1-5", "0 19 * * 1-5" and "0 9 * * 6-7" in the design, as AWS cron expressions.
    expect(timeZone).toBe('Europe/Stockholm');
    expect(bands).toEqual({
      business_hours: {
        schedule: 'cron(0 7 ? * MON-FRI *)',
        band: '${var.scaling.business_hours}',
      },
      off_hours: {
        schedule: 'cron(0 19 ? * MON-FRI *)',
        band: '${var.scaling.off_hours}',
      },
      weekend: {
        schedule: 'cron(0 9 ? * SAT,SUN *)',
        band: '${var.scaling.weekend}',
      },
    });
    // The schedules fire when the design says, read as the portal's sustainability estimate
    // reads them (AWS numbers days 1 = Sunday ... 7 = Saturday).
    const fires = (cron: string) => {
      const c = parseAwsCron(cron);
      return { hours: c.hours, days: c.daysOfWeek };
    };
    expect(fires(bands.business_hours.schedule)).toEqual({
      hours: [7],
      days: [2, 3, 4, 5, 6],
    });
    expect(fires(bands.off_hours.schedule)).toEqual({
      hours: [19],
      days: [2, 3, 4, 5, 6],
    });
    expect(fires(bands.weekend.schedule)).toEqual({ hours: [9], days: [1, 7] });

    // Per band: the task range through a scheduled action ...
    expect(
      block(service, 'resource', 'aws_appautoscaling_scheduled_action', 'band'),
    ).toMatchObject({
      for_each: '${local.scaling_bands}',
      schedule: '${each.value.schedule}',
      timezone: '${local.scaling_time_zone}',
      scalable_target_action: [
        {
          min_capacity: '${each.value.band.min}',
          max_capacity: '${each.value.band.max}',
        },
      ],
    });
    // ... and the CPU target, put on the tracking policy at the same moment.
    const schedule = block(
      service,
      'resource',
      'aws_scheduler_schedule',
      'cpu_target',
    );
    expect(schedule).toMatchObject({
      for_each: '${local.scaling_bands}',
      schedule_expression: '${each.value.schedule}',
      schedule_expression_timezone: '${local.scaling_time_zone}',
      flexible_time_window: [{ mode: 'OFF' }],
    });
    const target = schedule.target[0];
    expect(target.arn).toBe(
      'arn:aws:scheduler:::aws-sdk:applicationautoscaling:putScalingPolicy',
    );
    expect(target.role_arn).toBe('${aws_iam_role.scaling_scheduler.arn}');
    expect(target.input).toMatch(
      /TargetValue\s*=\s*each\.value\.band\.target_cpu/,
    );
    expect(target.input).toMatch(
      /PolicyName\s*=\s*aws_appautoscaling_policy\.cpu\.name/,
    );
    const policy = block(
      service,
      'resource',
      'aws_appautoscaling_policy',
      'cpu',
    );
    expect(policy).toMatchObject({
      policy_type: 'TargetTrackingScaling',
      target_tracking_scaling_policy_configuration: [
        { target_value: '${var.scaling.business_hours.target_cpu}' },
      ],
    });
    // The schedules own the moving values, so a later plan doesn't reset them.
    expect(JSON.stringify(policy.lifecycle[0].ignore_changes)).toContain(
      'target_tracking_scaling_policy_configuration[0].target_value',
    );
    expect(
      JSON.stringify(
        block(service, 'resource', 'aws_appautoscaling_target', 'this')
          .lifecycle[0].ignore_changes,
      ),
    ).toMatch(/min_capacity.*max_capacity/);
    // The scheduler's role may change scaling policies and their alarms, nothing else.
    const permissions = block(
      service,
      'data',
      'aws_iam_policy_document',
      'scaling_scheduler',
    ).statement.flatMap((st: { actions: string[] }) => st.actions);
    expect(permissions.sort()).toEqual([
      'application-autoscaling:PutScalingPolicy',
      'cloudwatch:DeleteAlarms',
      'cloudwatch:DescribeAlarms',
      'cloudwatch:PutMetricAlarm',
    ]);

    // The tfvars carry the form's three bands.
    expect(modules.get('.')!.get('terraform.tfvars')!.scaling).toEqual({
      business_hours: { min: 3, max: 20, target_cpu: 70 },
      off_hours: { min: 1, max: 5, target_cpu: 85 },
      weekend: { min: 2, max: 8, target_cpu: 80 },
    });
  });

  it("writes the design's tag block with the catalog's display names, as default_tags and on every resource", async () => {
    const modules = await parseModules(repositoryFiles(rendered, 'infra'));
    const root = modules.get('.')!;
    const service = modules.get('modules/squad-service')!;
    const policy = defaultPolicy().parameters;
    const tagNames = policy.tagNames as Record<string, string>;

    const tags = locals(root).tags;
    expect(tags).toEqual({
      Squad: '${var.squad}',
      Tribe: '${var.tribe}',
      Chapter: '${var.chapter}',
      Guild: '${var.guild}',
      BusinessCapability: '${var.business_capability}',
      DataClassification: '${var.data_classification}',
      ComplianceRequirements:
        '${length(var.compliance_requirements) > 0 ? join(",", var.compliance_requirements) : "none"}',
      Country: '${var.country}',
      Organization: '${var.organization}',
      Environment: '${var.environment}',
      ManagedBy: 'Terraform',
    });
    // Every tag the compliance policy requires is in the block.
    const required = (policy.requiredTags as string[]).map(t => tagNames[t]);
    expect(required.filter(t => !(t in tags))).toEqual([]);

    // Both providers apply the block as default_tags; the module sets it on its resources.
    const providers = [...root.values()].flatMap(
      doc => doc.provider?.aws ?? [],
    );
    expect(providers.map(p => p.alias ?? 'default')).toEqual(['default', 'dr']);
    for (const provider of providers)
      expect(provider.default_tags).toEqual([{ tags: '${local.tags}' }]);
    expect(block(root, 'module', 'service').tags).toBe('${local.tags}');
    expect(locals(service).tags).toBe('${var.tags}');
    expect(
      block(service, 'variable', 'tags').validation[0].condition,
    ).toContain(
      '"Squad", "Tribe", "Chapter", "Guild", "BusinessCapability", "DataClassification", "ComplianceRequirements", "Country", "Organization", "Environment", "ManagedBy"',
    );
    // Every taggable resource of the module carries the block.
    const untagged: string[] = [];
    for (const [file, doc] of service)
      for (const [type, byName] of Object.entries<any>(doc.resource ?? {}))
        for (const [name, [body]] of Object.entries<any>(byName))
          if (
            /^aws_(kms_key|cloudwatch_log_group|appautoscaling_target|iam_role)$/.test(
              type,
            ) &&
            !String(body.tags).includes('local.tags')
          )
            untagged.push(`${file}:${type}.${name}`);
    expect(untagged).toEqual([]);

    // The values: the catalog's display names of the rights squad, its tribe, chapter and guild.
    expect(root.get('terraform.tfvars')).toMatchObject({
      squad: 'Rights Squad',
      tribe: 'Content & Rights',
      chapter: 'Backend Engineering',
      guild: 'Data Engineering',
      business_capability: 'Royalty reporting',
      organization: 'Acme Music AB',
    });
    expect(block(root, 'variable', 'country').default).toBe('Sweden');
    expect(block(root, 'variable', 'environment').default).toBe('production');
  });

  it("writes none for a chapter or guild the form left empty, so the tags aren't missing", async () => {
    const { chapter, guild, ...values } = defaultValues;
    const result = await (
      await backend
    ).dryRun({
      ...values,
      businessCapability: 'Royalty "statements" & reports',
    });
    const tfvars = (await parseModules(repositoryFiles(result, 'infra')))
      .get('.')!
      .get('terraform.tfvars')!;
    expect(tfvars).toMatchObject({ chapter: 'none', guild: 'none' });
    // Free text from the form stays one HCL string.
    expect(tfvars.business_capability).toBe('Royalty "statements" & reports');
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
        squad: 'Rights Squad',
        tribe: 'Content & Rights',
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
