import {
  arn,
  AZS,
  PRIMARY_REGION,
  PRIVATE_SUBNETS,
  RDS_DNS_LABEL,
  RDS_HOSTED_ZONE_ID,
  RDS_MONITORING_ROLE_ARN,
  VPC_ID,
} from '../aws';
import type { ServiceContext } from '../context';
import type { Ref } from '../state';
import type { KmsKey } from './kms';
import { securityGroup } from './network';

const MODULE = 'module.database';
const PORT = 5432;
const MASTER_USER = 'acme_admin';

export interface DatabaseResult {
  /** The aws_db_instance or aws_rds_cluster. */
  db: Ref;
  endpoint: string;
}

function rdsLogGroup(
  ctx: ServiceContext,
  kind: 'instance' | 'cluster',
  id: string,
  kms: KmsKey,
): Ref {
  const name = `/aws/rds/${kind}/${id}/postgresql`;
  return ctx.add({
    module: MODULE,
    type: 'aws_cloudwatch_log_group',
    name: 'postgresql',
    schemaVersion: 0,
    tagged: true,
    attributes: {
      arn: arn('logs', PRIMARY_REGION, `log-group:${name}`),
      id: name,
      kms_key_id: kms.key.a.arn,
      log_group_class: 'STANDARD',
      name,
      name_prefix: '',
      retention_in_days:
        ctx.deviations.rdsLogRetentionDays ?? ctx.svc.retentionDays,
      skip_destroy: false,
    },
    dependsOn: [kms.key],
  });
}

/** PostgreSQL for the service: a Multi-AZ RDS instance or an Aurora cluster with two instances. */
export function database(
  ctx: ServiceContext,
  deps: { kms: KmsKey; serviceSg: Ref; password: Ref },
): DatabaseResult {
  const spec = ctx.profile.database;
  const sg = securityGroup(ctx, {
    module: MODULE,
    tfName: 'this',
    name: `${ctx.name}-db`,
    description: `PostgreSQL for ${ctx.name}; only from its tasks`,
    ingress: [
      {
        description: 'PostgreSQL from the service',
        port: PORT,
        fromGroup: deps.serviceSg,
      },
    ],
  });
  const subnetGroupName = `${ctx.name}-db`;
  const subnetGroup = ctx.add({
    module: MODULE,
    type: 'aws_db_subnet_group',
    name: 'this',
    schemaVersion: 0,
    tagged: true,
    attributes: {
      arn: arn('rds', PRIMARY_REGION, `subgrp:${subnetGroupName}`),
      description: `Private subnets for ${ctx.name}`,
      id: subnetGroupName,
      name: subnetGroupName,
      name_prefix: '',
      subnet_ids: PRIVATE_SUBNETS,
      supported_network_types: ['IPV4'],
      vpc_id: VPC_ID,
    },
    dependsOn: ['data.aws_subnets.private'],
  });
  const password = deps.password.a.result as string;
  const major = spec.engineVersion.split('.')[0];

  if (spec.kind === 'instance') {
    const encrypted = !ctx.deviations.unencryptedDatabase;
    const identifier = ctx.name;
    const resourceId = `db-${ctx.ids.upper('db-resource-id', 26)}`;
    const address = `${identifier}.${RDS_DNS_LABEL}.${PRIMARY_REGION}.rds.amazonaws.com`;
    const logs = rdsLogGroup(ctx, 'instance', identifier, deps.kms);
    const db = ctx.add({
      module: MODULE,
      type: 'aws_db_instance',
      name: 'this',
      schemaVersion: 2,
      tagged: true,
      sensitive: ['password'],
      timeouts: { create: 40, update: 80, delete: 60 },
      attributes: {
        address,
        allocated_storage: spec.allocatedStorage,
        allow_major_version_upgrade: null,
        apply_immediately: false,
        arn: arn('rds', PRIMARY_REGION, `db:${identifier}`),
        auto_minor_version_upgrade: true,
        availability_zone: AZS[0],
        backup_retention_period: 35,
        backup_target: 'region',
        backup_window: '01:00-01:30',
        blue_green_update: [],
        ca_cert_identifier: 'rds-ca-rsa2048-g1',
        character_set_name: '',
        copy_tags_to_snapshot: true,
        custom_iam_instance_profile: '',
        customer_owned_ip_enabled: false,
        db_name: spec.dbName,
        db_subnet_group_name: subnetGroupName,
        dedicated_log_volume: false,
        delete_automated_backups: false,
        deletion_protection: true,
        domain: '',
        domain_auth_secret_arn: '',
        domain_dns_ips: [],
        domain_fqdn: '',
        domain_iam_role_name: '',
        domain_ou: '',
        enabled_cloudwatch_logs_exports: ['postgresql'],
        endpoint: `${address}:${PORT}`,
        engine: 'postgres',
        engine_lifecycle_support: 'open-source-rds-extended-support-disabled',
        engine_version: spec.engineVersion,
        engine_version_actual: spec.engineVersion,
        final_snapshot_identifier: `${identifier}-final`,
        hosted_zone_id: RDS_HOSTED_ZONE_ID,
        iam_database_authentication_enabled: true,
        id: resourceId,
        identifier,
        identifier_prefix: '',
        instance_class: spec.instanceClass,
        iops: 3000,
        kms_key_id: encrypted ? deps.kms.key.a.arn : '',
        latest_restorable_time: '2025-06-30T15:55:00Z',
        license_model: 'postgresql-license',
        listener_endpoint: [],
        maintenance_window: 'sun:02:00-sun:03:00',
        manage_master_user_password: null,
        master_user_secret: [],
        master_user_secret_kms_key_id: null,
        max_allocated_storage: spec.maxAllocatedStorage,
        monitoring_interval: 60,
        monitoring_role_arn: RDS_MONITORING_ROLE_ARN,
        multi_az: true,
        nchar_character_set_name: '',
        network_type: 'IPV4',
        option_group_name: `default:postgres-${major}`,
        parameter_group_name: `default.postgres${major}`,
        password,
        performance_insights_enabled: encrypted,
        performance_insights_kms_key_id: encrypted ? deps.kms.key.a.arn : '',
        performance_insights_retention_period: encrypted ? 7 : 0,
        port: PORT,
        publicly_accessible: false,
        replica_mode: '',
        replicas: [],
        replicate_source_db: '',
        resource_id: resourceId,
        restore_to_point_in_time: [],
        s3_import: [],
        skip_final_snapshot: false,
        snapshot_identifier: null,
        status: 'available',
        storage_encrypted: encrypted,
        storage_throughput: 125,
        storage_type: 'gp3',
        timeouts: null,
        timezone: '',
        upgrade_storage_config: null,
        username: MASTER_USER,
        vpc_security_group_ids: [sg.a.id],
      },
      dependsOn: [
        encrypted ? deps.kms.key : undefined,
        subnetGroup,
        sg,
        logs,
        deps.password,
      ],
    });
    return { db, endpoint: address };
  }

  const clusterId = ctx.name;
  const endpointHost = `${clusterId}.cluster-${RDS_DNS_LABEL}.${PRIMARY_REGION}.rds.amazonaws.com`;
  const logs = rdsLogGroup(ctx, 'cluster', clusterId, deps.kms);
  const members = [0, 1].map(i => `${clusterId}-${i}`);
  const cluster = ctx.add({
    module: MODULE,
    type: 'aws_rds_cluster',
    name: 'this',
    schemaVersion: 0,
    tagged: true,
    sensitive: ['master_password'],
    timeouts: { create: 120, update: 120, delete: 120 },
    attributes: {
      allocated_storage: 1,
      allow_major_version_upgrade: null,
      apply_immediately: null,
      arn: arn('rds', PRIMARY_REGION, `cluster:${clusterId}`),
      availability_zones: AZS,
      backtrack_window: 0,
      backup_retention_period: 35,
      ca_certificate_identifier: 'rds-ca-rsa2048-g1',
      ca_certificate_valid_till: '2061-05-27T18:57:00Z',
      cluster_identifier: clusterId,
      cluster_identifier_prefix: '',
      cluster_members: members,
      cluster_resource_id: `cluster-${ctx.ids.upper(
        'cluster-resource-id',
        26,
      )}`,
      copy_tags_to_snapshot: true,
      database_name: spec.dbName,
      db_cluster_instance_class: '',
      db_cluster_parameter_group_name: `default.aurora-postgresql${
        spec.engineVersion.split('.')[0]
      }`,
      db_instance_parameter_group_name: null,
      db_subnet_group_name: subnetGroupName,
      db_system_id: '',
      delete_automated_backups: false,
      deletion_protection: true,
      domain: '',
      domain_iam_role_name: '',
      enable_global_write_forwarding: false,
      enable_http_endpoint: false,
      enable_local_write_forwarding: false,
      enabled_cloudwatch_logs_exports: ['postgresql'],
      endpoint: endpointHost,
      engine: 'aurora-postgresql',
      engine_lifecycle_support: 'open-source-rds-extended-support-disabled',
      engine_mode: 'provisioned',
      engine_version: spec.engineVersion,
      engine_version_actual: spec.engineVersion,
      final_snapshot_identifier: `${clusterId}-final`,
      global_cluster_identifier: '',
      hosted_zone_id: RDS_HOSTED_ZONE_ID,
      iam_database_authentication_enabled: true,
      iam_roles: [],
      id: clusterId,
      iops: 0,
      kms_key_id: deps.kms.key.a.arn,
      manage_master_user_password: null,
      master_password: password,
      master_user_secret: [],
      master_user_secret_kms_key_id: null,
      master_username: MASTER_USER,
      network_type: 'IPV4',
      performance_insights_enabled: false,
      performance_insights_kms_key_id: '',
      performance_insights_retention_period: 0,
      port: PORT,
      preferred_backup_window: '01:00-01:30',
      preferred_maintenance_window: 'sun:02:00-sun:03:00',
      reader_endpoint: `${clusterId}.cluster-ro-${RDS_DNS_LABEL}.${PRIMARY_REGION}.rds.amazonaws.com`,
      replication_source_identifier: '',
      restore_to_point_in_time: [],
      s3_import: [],
      scaling_configuration: [],
      serverlessv2_scaling_configuration: [],
      skip_final_snapshot: false,
      snapshot_identifier: null,
      source_region: null,
      storage_encrypted: true,
      storage_type: '',
      timeouts: null,
      vpc_security_group_ids: [sg.a.id],
    },
    dependsOn: [deps.kms.key, subnetGroup, sg, logs, deps.password],
  });
  members.forEach((identifier, index) => {
    ctx.add({
      module: MODULE,
      type: 'aws_rds_cluster_instance',
      name: 'this',
      indexKey: index,
      schemaVersion: 0,
      tagged: true,
      timeouts: { create: 90, update: 90, delete: 90 },
      attributes: {
        apply_immediately: null,
        arn: arn('rds', PRIMARY_REGION, `db:${identifier}`),
        auto_minor_version_upgrade: true,
        availability_zone: AZS[index],
        ca_cert_identifier: 'rds-ca-rsa2048-g1',
        cluster_identifier: clusterId,
        copy_tags_to_snapshot: true,
        custom_iam_instance_profile: '',
        db_parameter_group_name: `default.aurora-postgresql${
          spec.engineVersion.split('.')[0]
        }`,
        db_subnet_group_name: subnetGroupName,
        dbi_resource_id: `db-${ctx.ids.upper(`dbi-resource-id/${index}`, 26)}`,
        endpoint: `${identifier}.${RDS_DNS_LABEL}.${PRIMARY_REGION}.rds.amazonaws.com`,
        engine: 'aurora-postgresql',
        engine_version: spec.engineVersion,
        engine_version_actual: spec.engineVersion,
        force_destroy: null,
        id: identifier,
        identifier,
        identifier_prefix: '',
        instance_class: spec.instanceClass,
        kms_key_id: deps.kms.key.a.arn,
        monitoring_interval: 60,
        monitoring_role_arn: RDS_MONITORING_ROLE_ARN,
        network_type: 'IPV4',
        performance_insights_enabled: true,
        performance_insights_kms_key_id: deps.kms.key.a.arn,
        performance_insights_retention_period: 7,
        port: PORT,
        preferred_backup_window: '01:00-01:30',
        preferred_maintenance_window: 'sun:02:00-sun:03:00',
        promotion_tier: index,
        publicly_accessible: false,
        storage_encrypted: true,
        timeouts: null,
        writer: index === 0,
      },
      dependsOn: [cluster, deps.kms.key, subnetGroup, sg, logs, deps.password],
    });
  });
  return { db: cluster, endpoint: endpointHost };
}

/** recommendation-engine: DynamoDB table for generated mixes, KMS-encrypted with PITR. */
export function dynamodbTable(
  ctx: ServiceContext,
  kms: KmsKey,
): Ref | undefined {
  const spec = ctx.profile.dynamodb;
  if (!spec) return undefined;
  return ctx.add({
    module: MODULE,
    type: 'aws_dynamodb_table',
    name: 'mixes',
    schemaVersion: 1,
    tagged: true,
    timeouts: { create: 30, update: 60, delete: 10 },
    schemaVersionInPrivate: '1',
    attributes: {
      arn: arn('dynamodb', PRIMARY_REGION, `table/${spec.table}`),
      attribute: [
        { name: spec.hashKey, type: 'S' },
        { name: spec.rangeKey, type: 'S' },
      ],
      billing_mode: 'PAY_PER_REQUEST',
      deletion_protection_enabled: true,
      global_secondary_index: [],
      hash_key: spec.hashKey,
      id: spec.table,
      import_table: [],
      local_secondary_index: [],
      name: spec.table,
      on_demand_throughput: [],
      point_in_time_recovery: [{ enabled: true, recovery_period_in_days: 35 }],
      range_key: spec.rangeKey,
      read_capacity: 0,
      replica: [],
      restore_date_time: null,
      restore_source_name: null,
      restore_source_table_arn: null,
      restore_to_latest_time: null,
      server_side_encryption: [{ enabled: true, kms_key_arn: kms.key.a.arn }],
      stream_arn: '',
      stream_enabled: false,
      stream_label: '',
      stream_view_type: '',
      table_class: 'STANDARD',
      timeouts: null,
      ttl: [{ attribute_name: spec.ttlAttribute, enabled: true }],
      write_capacity: 0,
    },
    dependsOn: [kms.key],
  });
}
