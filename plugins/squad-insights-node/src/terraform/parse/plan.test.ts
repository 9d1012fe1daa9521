import { itCorpus } from '../../__testUtils__/corpus';
import { readCorpus } from './__testUtils__/corpus';
import { templatePlan } from './__testUtils__/plans';
import { parsePlan } from './parsePlan';
import { StateParseError } from './StateParseError';

const context = { sourceId: 'plan', key: 'plan.json' };
const read = (plan: unknown) => parsePlan(JSON.stringify(plan), context);

describe('parsePlan', () => {
  it('reads the planned values of the root and every child module, not the prior state', () => {
    const inventory = read(templatePlan());
    expect(inventory).toMatchObject({
      status: 'ok',
      format: 'show-json',
      terraformVersion: '1.10.5',
    });
    expect(inventory.serial).toBeUndefined();
    expect(inventory.resources.map(r => r.address)).toEqual([
      'module.service.aws_cloudwatch_log_group.this',
      'module.service.aws_kms_key.backup',
      'module.service.aws_kms_key.this',
      'module.service.data.aws_caller_identity.current',
      'module.service.module.access_logs.aws_s3_bucket.this',
      'module.service.module.access_logs.aws_s3_bucket_public_access_block.this',
      'module.service.module.access_logs.aws_s3_bucket_server_side_encryption_configuration.this',
      'module.service.module.access_logs.aws_s3_bucket_versioning.this',
      'module.service.module.backup.aws_s3_bucket.this',
      'module.service.module.backup.aws_s3_bucket_public_access_block.this',
      'module.service.module.backup.aws_s3_bucket_server_side_encryption_configuration.this',
      'module.service.module.backup.aws_s3_bucket_versioning.this',
      'module.service.module.backup.aws_s3_bucket_logging.this',
      'module.service.module.backup_access_logs.aws_s3_bucket.this',
      'module.service.module.backup_access_logs.aws_s3_bucket_public_access_block.this',
      'module.service.module.backup_access_logs.aws_s3_bucket_server_side_encryption_configuration.this',
      'module.service.module.backup_access_logs.aws_s3_bucket_versioning.this',
      'module.service.module.data.aws_s3_bucket.this',
      'module.service.module.data.aws_s3_bucket_public_access_block.this',
      'module.service.module.data.aws_s3_bucket_server_side_encryption_configuration.this',
      'module.service.module.data.aws_s3_bucket_versioning.this',
      'module.service.module.data.aws_s3_bucket_logging.this',
    ]);
    const logging = inventory.resources.find(
      r =>
        r.address === 'module.service.module.data.aws_s3_bucket_logging.this',
    )!;
    expect(logging).toMatchObject({
      module: 'module.service.module.data',
      mode: 'managed',
      provider: 'registry.terraform.io/hashicorp/aws',
    });
    expect(logging.instances).toEqual([
      expect.objectContaining({
        address: 'module.service.module.data.aws_s3_bucket_logging.this[0]',
        indexKey: 0,
      }),
    ]);
    const key = inventory.resources.find(
      r => r.address === 'module.service.aws_kms_key.this',
    )!.instances[0];
    expect(key.attributes).toMatchObject({
      enable_key_rotation: true,
      description: 'royalty-statements: data and logs',
    });
    expect(key.tags).toMatchObject({
      Squad: 'Payments Squad',
      Tribe: 'Commerce',
    });
    expect(inventory.outputs).toMatchObject({
      data_bucket: expect.objectContaining({
        value: 'royalty-statements-data',
      }),
    });
  });

  it('puts each resource in the region of its provider configuration, aliases included', () => {
    const regions = (plan: unknown) =>
      Object.fromEntries(
        read(plan).resources.map(r => [r.address, r.instances[0].region]),
      );
    const planned = regions(templatePlan());
    expect(planned['module.service.aws_kms_key.this']).toBe('eu-north-1');
    expect(planned['module.service.aws_kms_key.backup']).toBe('eu-west-1');
    expect(planned['module.service.module.data.aws_s3_bucket.this']).toBe(
      'eu-north-1',
    );
    expect(planned['module.service.module.backup.aws_s3_bucket.this']).toBe(
      'eu-west-1',
    );
    expect(
      planned['module.service.module.backup.aws_s3_bucket_logging.this'],
    ).toBe('eu-west-1');
    // From the variable's value in this plan, not from a default.
    expect(
      regions(templatePlan({ backupRegion: 'eu-west-2' }))[
        'module.service.module.backup.aws_s3_bucket.this'
      ],
    ).toBe('eu-west-2');

    // A constant region, and a module inheriting the default configuration under its own key.
    const plan = templatePlan();
    plan.configuration.provider_config.aws = {
      ...plan.configuration.provider_config.aws,
      expressions: { region: { constant_value: 'eu-central-1' } } as never,
    };
    plan.configuration.root_module.module_calls.service.module.resources[0].provider_config_key =
      'module.service:aws';
    expect(regions(plan)['module.service.aws_cloudwatch_log_group.this']).toBe(
      'eu-central-1',
    );
  });

  it('fills what the plan leaves unknown from single references to known values', () => {
    const attributes = (plan: unknown, address: string) =>
      read(plan).resources.find(r => r.address === address)!.instances[0]
        .attributes;
    const plan = templatePlan();
    // `bucket = aws_s3_bucket.this.id`: the new bucket's id is its name.
    expect(
      attributes(
        plan,
        'module.service.module.data.aws_s3_bucket_server_side_encryption_configuration.this',
      ).bucket,
    ).toBe('royalty-statements-data-412381764321');
    // var.access_log_bucket → module.access_logs.id in the caller → that module's bucket.
    expect(
      attributes(
        plan,
        'module.service.module.backup.aws_s3_bucket_logging.this',
      ),
    ).toMatchObject({
      bucket: 'royalty-statements-backup-412381764321',
      target_bucket: 'royalty-statements-backup-access-logs-412381764321',
      target_prefix: 'royalty-statements-backup-412381764321/',
    });
    // An ARN unknown until apply stays unknown rather than guessed.
    const sse = attributes(
      plan,
      'module.service.module.data.aws_s3_bucket_server_side_encryption_configuration.this',
    );
    expect(JSON.stringify(sse)).not.toContain('kms_master_key_id');

    // A root variable is followed through the module call, unless it is sensitive.
    const withKey = (sensitive: boolean) => {
      const p = templatePlan();
      const service = p.configuration.root_module.module_calls
        .service as Record<string, any>;
      service.expressions = { log_key: { references: ['var.log_key'] } };
      service.module.resources[0].expressions = {
        kms_key_id: { references: ['var.log_key'] },
      };
      (p.variables as Record<string, unknown>).log_key = {
        value: 'arn:aws:kms:eu-north-1:412381764321:key/4f1c',
      };
      (p.configuration.root_module as Record<string, unknown>).variables = {
        log_key: { sensitive },
      };
      return attributes(p, 'module.service.aws_cloudwatch_log_group.this')
        .kms_key_id;
    };
    expect(withKey(false)).toBe('arn:aws:kms:eu-north-1:412381764321:key/4f1c');
    expect(withKey(true)).toBeUndefined();
  });

  it('keeps a region the resource states itself over the configuration', () => {
    const plan = templatePlan();
    const [logGroup] =
      plan.planned_values.root_module.child_modules[0].resources;
    (logGroup.values as Record<string, unknown>).arn =
      'arn:aws:logs:eu-west-1:412381764321:log-group:/squad/royalty-statements';
    const found = read(plan).resources.find(
      r => r.address === logGroup.address,
    )!;
    // The ARN of an existing resource says where it is; the provider's region ranks above it
    // only for states, where the caller configured it.
    expect(found.instances[0].region).toBe('eu-west-1');
  });

  it('drops sensitive values and scrubs secrets from planned values', () => {
    const plan = templatePlan();
    plan.planned_values.root_module.child_modules[0].resources.push({
      address: 'module.service.aws_db_instance.ledger',
      mode: 'managed',
      type: 'aws_db_instance',
      name: 'ledger',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      schema_version: 2,
      values: {
        engine: 'postgres',
        storage_encrypted: true,
        username: 'ledger',
        password: 'Tr0ub4dor&3-royalties',
        master_password: 'another-secret',
        parameter_group_name: 'default.postgres16',
      } as never,
      sensitive_values: { password: true, master_password: true } as never,
    });
    const text = JSON.stringify(read(plan));
    expect(text).not.toContain('Tr0ub4dor');
    expect(text).not.toContain('another-secret');
    const db = read(plan).resources.find(r => r.type === 'aws_db_instance')!
      .instances[0];
    expect(db.attributes).toMatchObject({
      engine: 'postgres',
      storage_encrypted: true,
    });
    expect(db.attributes.password).toBeUndefined();
  });

  itCorpus(
    'reads a plan from the corpus: its planned values, not its prior state',
    () => {
      const text = readCorpus(
        'hashicorp__terraform-json/testdata__has_changes__plan.json',
      );
      const inventory = parsePlan(text, context);
      // The prior state also holds data.null_data_source.baz, which the plan no longer has.
      expect(
        inventory.resources.map(r => [r.address, r.instances.length]),
      ).toEqual([
        ['null_resource.bar', 1],
        ['null_resource.baz', 3],
        ['null_resource.foo', 1],
        ['module.foo.null_resource.foo', 1],
      ]);
      // Its providers are null; the aws configurations it declares are used by nothing.
      expect(
        inventory.resources.flatMap(r => r.instances).map(i => i.region),
      ).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    },
  );

  it.each([
    [
      'a state',
      JSON.stringify({
        version: 4,
        terraform_version: '1.10.5',
        serial: 3,
        lineage: 'x',
        outputs: {},
        resources: [],
      }),
      'corrupt',
      /is valid JSON but not a Terraform state \(a plan is needed: the output of terraform show -json <planfile>/,
    ],
    [
      'show -json of a state',
      JSON.stringify({ format_version: '1.0', values: { root_module: {} } }),
      'corrupt',
      /a plan is needed/,
    ],
    ['an empty file', '', 'corrupt', /a plan is needed/],
    [
      'a cut-off plan',
      JSON.stringify(templatePlan()).slice(0, 500),
      'truncated',
      /looks truncated/,
    ],
    [
      'a newer format',
      JSON.stringify({ ...templatePlan(), format_version: '2.0' }),
      'unknown-version',
      /show -json format 2\.0/,
    ],
  ])(
    'refuses %s, naming the file without quoting it',
    (_name, text, reason, message) => {
      let error: unknown;
      try {
        parsePlan(text, context);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StateParseError);
      expect(error).toMatchObject({
        reason,
        message: expect.stringMatching(message),
      });
      expect((error as Error).message).toMatch(
        /^Terraform state plan:plan\.json /,
      );
    },
  );
});
