import {
  arn,
  AZS,
  ELASTICACHE_DNS_LABEL,
  PRIMARY_REGION,
  PRIVATE_SUBNETS,
  REGION_INFO,
  VPC_ID,
} from '../aws';
import type { ServiceContext } from '../context';
import type { Ref } from '../state';
import type { KmsKey } from './kms';
import { securityGroup } from './network';

const MODULE = 'module.cache';
const PORT = 6379;

/** Redis replication group (primary + replica, encrypted at rest and in transit, AUTH token). */
export function redis(
  ctx: ServiceContext,
  deps: { kms: KmsKey; serviceSg: Ref; authToken: Ref },
) {
  const spec = ctx.profile.redis;
  if (!spec) return undefined;
  const sg = securityGroup(ctx, {
    module: MODULE,
    tfName: 'this',
    name: `${ctx.name}-redis`,
    description: `Redis for ${ctx.name}; only from its tasks`,
    ingress: [
      {
        description: 'Redis TLS from the service',
        port: PORT,
        fromGroup: deps.serviceSg,
      },
    ],
  });
  const subnetGroupName = `${ctx.name}-redis`;
  const subnetGroup = ctx.add({
    module: MODULE,
    type: 'aws_elasticache_subnet_group',
    name: 'this',
    schemaVersion: 0,
    tagged: true,
    attributes: {
      arn: arn('elasticache', PRIMARY_REGION, `subnetgroup:${subnetGroupName}`),
      description: `Private subnets for ${ctx.name} Redis`,
      id: subnetGroupName,
      name: subnetGroupName,
      subnet_ids: PRIVATE_SUBNETS,
      vpc_id: VPC_ID,
    },
    dependsOn: ['data.aws_subnets.private'],
  });
  const id = ctx.name;
  const host = (role: string) =>
    `${role}.${id}.${ELASTICACHE_DNS_LABEL}.${REGION_INFO[PRIMARY_REGION].short}.cache.amazonaws.com`;
  const group = ctx.add({
    module: MODULE,
    type: 'aws_elasticache_replication_group',
    name: 'this',
    schemaVersion: 2,
    tagged: true,
    sensitive: ['auth_token'],
    timeouts: { create: 60, update: 40, delete: 45 },
    attributes: {
      apply_immediately: null,
      arn: arn('elasticache', PRIMARY_REGION, `replicationgroup:${id}`),
      at_rest_encryption_enabled: true,
      auth_token: deps.authToken.a.result,
      auth_token_update_strategy: 'ROTATE',
      auto_minor_version_upgrade: 'true',
      automatic_failover_enabled: true,
      cluster_enabled: false,
      cluster_mode: 'disabled',
      configuration_endpoint_address: null,
      data_tiering_enabled: false,
      description: `Session and presence cache for ${ctx.name}`,
      engine: 'redis',
      engine_version: '7.1',
      engine_version_actual: '7.1.0',
      final_snapshot_identifier: null,
      global_replication_group_id: null,
      id,
      ip_discovery: 'ipv4',
      kms_key_id: deps.kms.key.a.arn,
      log_delivery_configuration: [],
      maintenance_window: 'sun:03:00-sun:04:00',
      member_clusters: [`${id}-001`, `${id}-002`],
      multi_az_enabled: true,
      network_type: 'ipv4',
      node_type: spec.nodeType,
      notification_topic_arn: null,
      num_cache_clusters: 2,
      num_node_groups: 1,
      parameter_group_name: 'default.redis7',
      port: PORT,
      preferred_cache_cluster_azs: AZS.slice(0, 2),
      primary_endpoint_address: host('master'),
      reader_endpoint_address: host('replica'),
      replicas_per_node_group: 1,
      replication_group_id: id,
      security_group_ids: [sg.a.id],
      security_group_names: [],
      snapshot_arns: null,
      snapshot_name: null,
      snapshot_retention_limit: 7,
      snapshot_window: '01:30-02:30',
      subnet_group_name: subnetGroupName,
      timeouts: null,
      transit_encryption_enabled: true,
      transit_encryption_mode: 'required',
      user_group_ids: [],
    },
    dependsOn: [deps.kms.key, sg, subnetGroup, deps.authToken],
  });
  return { group, endpoint: group.a.primary_endpoint_address as string };
}
