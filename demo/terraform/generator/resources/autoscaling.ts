import { ACCOUNT_ID, arn, PRIMARY_REGION } from '../aws';
import type { ServiceContext } from '../context';
import type { Ref } from '../state';

const MODULE = 'module.service.module.autoscaling';
const DIMENSION = 'ecs:service:DesiredCount';

/**
 * Working-hours scaling profiles. The scheduled actions can only move capacity bounds; the
 * CPU target of the tracking policy is the business-hours one (70 %), and the off-hours and
 * weekend targets are recorded as tags on the scalable target.
 */
export const SCALING_PROFILES = [
  {
    tfName: 'business_hours',
    name: 'business-hours',
    schedule: 'cron(0 7 ? * MON-FRI *)',
    min: 3,
    max: 20,
    cpu: 70,
  },
  {
    tfName: 'off_hours',
    name: 'off-hours',
    schedule: 'cron(0 18 ? * MON-FRI *)',
    min: 1,
    max: 5,
    cpu: 85,
  },
  {
    tfName: 'weekend',
    name: 'weekend',
    schedule: 'cron(0 0 ? * SAT *)',
    min: 2,
    max: 8,
    cpu: 80,
  },
] as const;

export function autoscaling(ctx: ServiceContext, cluster: Ref, service: Ref) {
  const resourceId = `service/${cluster.a.name}/${service.a.name}`;
  const business = SCALING_PROFILES[0];
  const target = ctx.add({
    module: MODULE,
    type: 'aws_appautoscaling_target',
    name: 'this',
    schemaVersion: 0,
    tagged: true,
    extraTags: {
      'squad-insights:target-cpu-business-hours': String(
        SCALING_PROFILES[0].cpu,
      ),
      'squad-insights:target-cpu-offhours': String(SCALING_PROFILES[1].cpu),
      'squad-insights:target-cpu-weekend': String(SCALING_PROFILES[2].cpu),
    },
    attributes: {
      arn: arn(
        'application-autoscaling',
        PRIMARY_REGION,
        `scalable-target/0ec5${ctx.ids.hex('scalable-target', 28)}`,
      ),
      id: resourceId,
      max_capacity: business.max,
      min_capacity: business.min,
      resource_id: resourceId,
      role_arn: `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`,
      scalable_dimension: DIMENSION,
      service_namespace: 'ecs',
      suspended_state: [
        {
          dynamic_scaling_in_suspended: false,
          dynamic_scaling_out_suspended: false,
          scheduled_scaling_suspended: false,
        },
      ],
    },
    dependsOn: [cluster, service],
  });

  const policyName = `${ctx.name}-cpu-target-tracking`;
  const policyUuid = ctx.ids.uuid('scaling-policy');
  ctx.add({
    module: MODULE,
    type: 'aws_appautoscaling_policy',
    name: 'cpu',
    schemaVersion: 0,
    attributes: {
      alarm_arns: [
        arn(
          'cloudwatch',
          PRIMARY_REGION,
          `alarm:TargetTracking-${resourceId}-AlarmHigh-${ctx.ids.uuid(
            'alarm-high',
          )}`,
        ),
        arn(
          'cloudwatch',
          PRIMARY_REGION,
          `alarm:TargetTracking-${resourceId}-AlarmLow-${ctx.ids.uuid(
            'alarm-low',
          )}`,
        ),
      ],
      arn: arn(
        'autoscaling',
        PRIMARY_REGION,
        `scalingPolicy:${policyUuid}:resource/ecs/${resourceId}:policyName/${policyName}`,
      ),
      id: policyName,
      name: policyName,
      policy_type: 'TargetTrackingScaling',
      resource_id: resourceId,
      scalable_dimension: DIMENSION,
      service_namespace: 'ecs',
      step_scaling_policy_configuration: [],
      target_tracking_scaling_policy_configuration: [
        {
          customized_metric_specification: [],
          disable_scale_in: false,
          predefined_metric_specification: [
            {
              predefined_metric_type: 'ECSServiceAverageCPUUtilization',
              resource_label: '',
            },
          ],
          scale_in_cooldown: 300,
          scale_out_cooldown: 60,
          target_value: business.cpu,
        },
      ],
    },
    dependsOn: [target, cluster, service],
  });

  const scheduleUuid = ctx.ids.uuid('scheduled-actions');
  for (const p of SCALING_PROFILES) {
    ctx.add({
      module: MODULE,
      type: 'aws_appautoscaling_scheduled_action',
      name: p.tfName,
      schemaVersion: 0,
      attributes: {
        arn: arn(
          'autoscaling',
          PRIMARY_REGION,
          `scheduledAction:${scheduleUuid}:resource/ecs/${resourceId}:scheduledActionName/${p.name}`,
        ),
        end_time: '',
        id: `${p.name}-ecs-${resourceId}`,
        name: p.name,
        resource_id: resourceId,
        scalable_dimension: DIMENSION,
        scalable_target_action: [
          { max_capacity: String(p.max), min_capacity: String(p.min) },
        ],
        schedule: p.schedule,
        service_namespace: 'ecs',
        start_time: '',
        timezone: 'Europe/Stockholm',
      },
      dependsOn: [target, cluster, service],
    });
  }
}
