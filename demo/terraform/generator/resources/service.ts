import {
  ACCOUNT_ID,
  ALB_HOSTED_ZONE_ID,
  API_CERTIFICATE_ARN,
  arn,
  PRIMARY_REGION,
  PRIVATE_SUBNETS,
  PUBLIC_SUBNETS,
  VPC_ID,
} from '../aws';
import type { ServiceContext } from '../context';
import { jsonencode } from '../json';
import type { Ref } from '../state';
import { iamRole } from './iam';
import type { KmsKey } from './kms';
import { securityGroup } from './network';

export const MODULE = 'module.service';
const CONTAINER_PORT = 8080;
const COMPLIANT_TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/** Load balancer and service security groups; the database modules allow the service group. */
export function serviceSecurityGroups(ctx: ServiceContext) {
  const lb = securityGroup(ctx, {
    module: MODULE,
    tfName: 'lb',
    name: `${ctx.name}-alb`,
    description: `Public HTTPS into the ${ctx.name} load balancer`,
    ingress: [
      { description: 'HTTPS from the internet', port: 443, cidr: '0.0.0.0/0' },
      {
        description: ctx.deviations.plainHttpListener
          ? 'HTTP from the internet'
          : 'HTTP from the internet (redirected to HTTPS)',
        port: 80,
        cidr: '0.0.0.0/0',
      },
    ],
  });
  const service = securityGroup(ctx, {
    module: MODULE,
    tfName: 'service',
    name: `${ctx.name}-service`,
    description: `${ctx.name} tasks; traffic only from its load balancer`,
    ingress: [
      {
        description: 'From the load balancer',
        port: CONTAINER_PORT,
        fromGroup: lb,
      },
    ],
  });
  return { lb, service };
}

function loadBalancer(ctx: ServiceContext, sg: Ref, logBucket: Ref) {
  const name = `${ctx.name}-alb`;
  const lbId = ctx.ids.hex('alb', 16);
  const lbArn = arn(
    'elasticloadbalancing',
    PRIMARY_REGION,
    `loadbalancer/app/${name}/${lbId}`,
  );
  const lb = ctx.add({
    module: MODULE,
    type: 'aws_lb',
    name: 'this',
    schemaVersion: 0,
    tagged: true,
    attributes: {
      access_logs: [
        { bucket: logBucket.a.bucket, enabled: true, prefix: 'alb' },
      ],
      arn: lbArn,
      arn_suffix: `app/${name}/${lbId}`,
      client_keep_alive: 3600,
      connection_logs: [{ bucket: '', enabled: false, prefix: '' }],
      customer_owned_ipv4_pool: '',
      desync_mitigation_mode: 'defensive',
      dns_name: `${name}-${ctx.ids.int(
        'alb-dns',
        100000000,
        2099999999,
      )}.${PRIMARY_REGION}.elb.amazonaws.com`,
      dns_record_client_routing_policy: null,
      drop_invalid_header_fields: true,
      enable_cross_zone_load_balancing: true,
      enable_deletion_protection: true,
      enable_http2: true,
      enable_tls_version_and_cipher_suite_headers: false,
      enable_waf_fail_open: false,
      enable_xff_client_port: false,
      enable_zonal_shift: false,
      enforce_security_group_inbound_rules_on_private_link_traffic: '',
      id: lbArn,
      idle_timeout: 60,
      internal: false,
      ip_address_type: 'ipv4',
      load_balancer_type: 'application',
      name,
      name_prefix: '',
      preserve_host_header: false,
      security_groups: [sg.a.id],
      subnet_mapping: PUBLIC_SUBNETS.map(subnet_id => ({
        allocation_id: '',
        ipv6_address: '',
        outpost_id: '',
        private_ipv4_address: '',
        subnet_id,
      })),
      subnets: PUBLIC_SUBNETS,
      timeouts: null,
      vpc_id: VPC_ID,
      xff_header_processing_mode: 'append',
      zone_id: ALB_HOSTED_ZONE_ID,
    },
    dependsOn: [sg, logBucket, 'data.aws_subnets.public'],
  });

  const tgName = `${ctx.name}-tg`;
  const tgId = ctx.ids.hex('target-group', 16);
  const tgArn = arn(
    'elasticloadbalancing',
    PRIMARY_REGION,
    `targetgroup/${tgName}/${tgId}`,
  );
  const tg = ctx.add({
    module: MODULE,
    type: 'aws_lb_target_group',
    name: 'this',
    schemaVersion: 0,
    tagged: true,
    attributes: {
      arn: tgArn,
      arn_suffix: `targetgroup/${tgName}/${tgId}`,
      connection_termination: null,
      deregistration_delay: '30',
      health_check: [
        {
          enabled: true,
          healthy_threshold: 3,
          interval: 15,
          matcher: '200',
          path: '/healthz',
          port: 'traffic-port',
          protocol: 'HTTP',
          timeout: 5,
          unhealthy_threshold: 3,
        },
      ],
      id: tgArn,
      ip_address_type: 'ipv4',
      lambda_multi_value_headers_enabled: false,
      load_balancer_arns: [lbArn],
      load_balancing_algorithm_type: 'round_robin',
      load_balancing_anomaly_mitigation: 'off',
      load_balancing_cross_zone_enabled: 'use_load_balancer_configuration',
      name: tgName,
      name_prefix: '',
      port: CONTAINER_PORT,
      preserve_client_ip: null,
      protocol: 'HTTP',
      protocol_version: 'HTTP1',
      proxy_protocol_v2: false,
      slow_start: 0,
      stickiness: [
        {
          cookie_duration: 86400,
          cookie_name: '',
          enabled: false,
          type: 'lb_cookie',
        },
      ],
      target_failover: [],
      target_health_state: [],
      target_type: 'ip',
      vpc_id: VPC_ID,
    },
  });

  const listener = (
    tfName: string,
    port: number,
    https: boolean,
    action: 'forward' | 'redirect',
  ) => {
    const listenerArn = arn(
      'elasticloadbalancing',
      PRIMARY_REGION,
      `listener/app/${name}/${lbId}/${ctx.ids.hex(`listener/${port}`, 16)}`,
    );
    return ctx.add({
      module: MODULE,
      type: 'aws_lb_listener',
      name: tfName,
      schemaVersion: 0,
      tagged: true,
      attributes: {
        alpn_policy: null,
        arn: listenerArn,
        certificate_arn: https ? API_CERTIFICATE_ARN : null,
        default_action: [
          {
            authenticate_cognito: [],
            authenticate_oidc: [],
            fixed_response: [],
            forward: [],
            order: 1,
            redirect:
              action === 'redirect'
                ? [
                    {
                      host: '#{host}',
                      path: '/#{path}',
                      port: '443',
                      protocol: 'HTTPS',
                      query: '#{query}',
                      status_code: 'HTTP_301',
                    },
                  ]
                : [],
            target_group_arn: action === 'forward' ? tgArn : '',
            type: action,
          },
        ],
        id: listenerArn,
        load_balancer_arn: lbArn,
        mutual_authentication: [],
        port,
        protocol: https ? 'HTTPS' : 'HTTP',
        ssl_policy: https
          ? ctx.deviations.sslPolicy ?? COMPLIANT_TLS_POLICY
          : '',
        tcp_idle_timeout_seconds: null,
        timeouts: null,
      },
      dependsOn: action === 'forward' ? [lb, tg] : [lb],
    });
  };
  listener('https', 443, true, 'forward');
  listener(
    'http',
    80,
    false,
    ctx.deviations.plainHttpListener ? 'forward' : 'redirect',
  );
  return { lb, tg };
}

function logGroup(ctx: ServiceContext, kms: KmsKey): Ref {
  const name = `/ecs/${ctx.name}`;
  return ctx.add({
    module: MODULE,
    type: 'aws_cloudwatch_log_group',
    name: 'this',
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
        ctx.deviations.ecsLogRetentionDays ?? ctx.svc.retentionDays,
      skip_destroy: false,
    },
    dependsOn: [kms.key],
  });
}

export interface ServiceDeps {
  kms: KmsKey;
  sg: { lb: Ref; service: Ref };
  buckets: { data: Ref; logs: Ref };
  /** SSM parameters the task reads as secrets; env name → parameter. */
  secrets: Record<string, Ref>;
  /** Plain environment variables (endpoints, names). */
  environment: Record<string, string>;
  /** Extra statements for the task role (DynamoDB, Kafka …). */
  taskStatements: unknown[];
  /** Resources the task definition depends on (database, cache, cluster …). */
  dependsOn: Ref[];
}

/** The ECS/Fargate service behind a public ALB, its roles, logs and autoscaling. */
export function ecsService(ctx: ServiceContext, deps: ServiceDeps) {
  const { lb, tg } = loadBalancer(ctx, deps.sg.lb, deps.buckets.logs);
  const logs = logGroup(ctx, deps.kms);
  const secretArns = Object.values(deps.secrets).map(p => p.a.arn);

  const execution = iamRole(ctx, {
    module: MODULE,
    tfName: 'execution',
    spec: {
      name: `${ctx.name}-task-execution`,
      servicePrincipal: 'ecs-tasks.amazonaws.com',
      description: `Pulls images and reads secrets for ${ctx.name}`,
      inlinePolicies: [
        {
          name: 'read-secrets',
          policy: jsonencode({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['ssm:GetParameters'],
                Resource: secretArns,
              },
              {
                Effect: 'Allow',
                Action: ['kms:Decrypt'],
                Resource: deps.kms.key.a.arn,
              },
            ],
          }),
        },
      ],
      managedPolicyArns: [
        'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
      ],
    },
    policyDependsOn: [deps.kms.key, ...Object.values(deps.secrets)],
  });

  const task = iamRole(ctx, {
    module: MODULE,
    tfName: 'task',
    spec: {
      name: `${ctx.name}-task`,
      servicePrincipal: 'ecs-tasks.amazonaws.com',
      description: `Runtime permissions of ${ctx.name}`,
      inlinePolicies: [
        {
          name: 'runtime',
          policy: jsonencode({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
                Resource: `${deps.buckets.data.a.arn}/*`,
              },
              {
                Effect: 'Allow',
                Action: ['s3:ListBucket'],
                Resource: deps.buckets.data.a.arn,
              },
              {
                Effect: 'Allow',
                Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
                Resource: deps.kms.key.a.arn,
              },
              ...deps.taskStatements,
            ],
          }),
        },
      ],
    },
    policyDependsOn: [deps.buckets.data, deps.kms.key, ...deps.dependsOn],
  });

  const clusterName = ctx.name;
  const clusterArn = arn('ecs', PRIMARY_REGION, `cluster/${clusterName}`);
  const cluster = ctx.add({
    module: MODULE,
    type: 'aws_ecs_cluster',
    name: 'this',
    schemaVersion: 0,
    tagged: true,
    attributes: {
      arn: clusterArn,
      configuration: [
        {
          execute_command_configuration: [
            {
              kms_key_id: deps.kms.key.a.arn,
              log_configuration: [],
              logging: 'DEFAULT',
            },
          ],
          managed_storage_configuration: [],
        },
      ],
      id: clusterArn,
      name: clusterName,
      service_connect_defaults: [],
      setting: [{ name: 'containerInsights', value: 'enabled' }],
    },
    dependsOn: [deps.kms.key],
  });

  const revision = ctx.ids.int('task-definition/revision', 20, 180);
  const family = ctx.name;
  const taskDefArnNoRev = arn(
    'ecs',
    PRIMARY_REGION,
    `task-definition/${family}`,
  );
  const containerDefinitions = [
    {
      cpu: 0,
      environment: Object.entries({
        APP_ENV: 'production',
        AWS_REGION: PRIMARY_REGION,
        DATA_BUCKET: deps.buckets.data.a.bucket,
        ...deps.environment,
      })
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]) => ({ name, value })),
      essential: true,
      image: `${ACCOUNT_ID}.dkr.ecr.${PRIMARY_REGION}.amazonaws.com/acme-music/${ctx.name}:${ctx.profile.imageTag}`,
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': logs.a.name,
          'awslogs-region': PRIMARY_REGION,
          'awslogs-stream-prefix': ctx.name,
        },
        secretOptions: [],
      },
      mountPoints: [],
      name: ctx.name,
      portMappings: [
        {
          containerPort: CONTAINER_PORT,
          hostPort: CONTAINER_PORT,
          protocol: 'tcp',
        },
      ],
      readonlyRootFilesystem: true,
      secrets: Object.entries(deps.secrets)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, param]) => ({ name, valueFrom: param.a.arn })),
      systemControls: [],
      volumesFrom: [],
    },
  ];
  const taskDef = ctx.add({
    module: MODULE,
    type: 'aws_ecs_task_definition',
    name: 'this',
    schemaVersion: 1,
    tagged: true,
    attributes: {
      arn: `${taskDefArnNoRev}:${revision}`,
      arn_without_revision: taskDefArnNoRev,
      container_definitions: jsonencode(containerDefinitions),
      cpu: '1024',
      enable_fault_injection: false,
      ephemeral_storage: [],
      execution_role_arn: execution.a.arn,
      family,
      id: family,
      inference_accelerator: [],
      ipc_mode: '',
      memory: '2048',
      network_mode: 'awsvpc',
      pid_mode: '',
      placement_constraints: [],
      proxy_configuration: [],
      requires_compatibilities: ['FARGATE'],
      revision,
      runtime_platform: [
        { cpu_architecture: 'ARM64', operating_system_family: 'LINUX' },
      ],
      skip_destroy: false,
      task_role_arn: task.a.arn,
      track_latest: false,
      volume: [],
    },
    dependsOn: [
      execution,
      task,
      logs,
      deps.buckets.data,
      ...Object.values(deps.secrets),
      ...deps.dependsOn,
    ],
  });

  const serviceArn = arn(
    'ecs',
    PRIMARY_REGION,
    `service/${clusterName}/${ctx.name}`,
  );
  const service = ctx.add({
    module: MODULE,
    type: 'aws_ecs_service',
    name: 'this',
    schemaVersion: 1,
    tagged: true,
    timeouts: { create: 20, update: 20, delete: 20 },
    attributes: {
      alarms: [],
      availability_zone_rebalancing: 'ENABLED',
      capacity_provider_strategy: [],
      cluster: clusterArn,
      deployment_circuit_breaker: [{ enable: true, rollback: true }],
      deployment_controller: [{ type: 'ECS' }],
      deployment_maximum_percent: 200,
      deployment_minimum_healthy_percent: 100,
      desired_count: ctx.profile.scaling.desired,
      enable_ecs_managed_tags: true,
      enable_execute_command: false,
      force_delete: null,
      force_new_deployment: null,
      health_check_grace_period_seconds: 60,
      iam_role: '/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
      id: serviceArn,
      launch_type: 'FARGATE',
      load_balancer: [
        {
          container_name: ctx.name,
          container_port: CONTAINER_PORT,
          elb_name: '',
          target_group_arn: tg.a.arn,
        },
      ],
      name: ctx.name,
      network_configuration: [
        {
          assign_public_ip: false,
          security_groups: [deps.sg.service.a.id],
          subnets: PRIVATE_SUBNETS,
        },
      ],
      ordered_placement_strategy: [],
      placement_constraints: [],
      platform_version: 'LATEST',
      propagate_tags: 'SERVICE',
      scheduling_strategy: 'REPLICA',
      service_connect_configuration: [],
      service_registries: [],
      task_definition: taskDef.a.arn,
      timeouts: null,
      triggers: {},
      volume_configuration: [],
      vpc_lattice_configurations: [],
      wait_for_steady_state: false,
    },
    dependsOn: [
      cluster,
      taskDef,
      tg,
      lb,
      deps.sg.service,
      'data.aws_subnets.private',
    ],
  });

  return {
    lb,
    cluster,
    service,
    serviceUrl: `https://${ctx.name}.api.acme-music.example`,
  };
}
