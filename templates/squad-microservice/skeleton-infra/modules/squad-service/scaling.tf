# Scaling of the service's ECS tasks in three time bands, Europe/Stockholm time, each with its own
# task range and CPU target:
#
#   band            starts                      from variable
#   business_hours  Mon-Fri 07:00  (0 7 * * 1-5)  scaling.business_hours
#   off_hours       Mon-Fri 19:00  (0 19 * * 1-5) scaling.off_hours
#   weekend         Sat-Sun 09:00  (0 9 * * 6-7)  scaling.weekend
#
# A scheduled action sets only the task range. The CPU target belongs to the target tracking
# policy, so at the same moment an EventBridge Scheduler schedule calls Application Auto Scaling's
# PutScalingPolicy with the band's target. Terraform ignores both of these moving values after
# creation, so a plan run in the evening doesn't put the business-hours values back.
locals {
  scaling_bands = {
    business_hours = { schedule = "cron(0 7 ? * MON-FRI *)", band = var.scaling.business_hours }
    off_hours      = { schedule = "cron(0 19 ? * MON-FRI *)", band = var.scaling.off_hours }
    weekend        = { schedule = "cron(0 9 ? * SAT,SUN *)", band = var.scaling.weekend }
  }
  scaling_time_zone = "Europe/Stockholm"
  cpu_policy_name   = "${var.service}-cpu"
}

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  resource_id        = "service/${var.ecs_cluster_name}/${var.service}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.scaling.business_hours.min
  max_capacity       = var.scaling.business_hours.max

  # Each band's CPU target, readable where the target is (the portal and people reading the state).
  tags = merge(local.tags, {
    "squad-insights:target-cpu-business-hours" = tostring(var.scaling.business_hours.target_cpu)
    "squad-insights:target-cpu-offhours"       = tostring(var.scaling.off_hours.target_cpu)
    "squad-insights:target-cpu-weekend"        = tostring(var.scaling.weekend.target_cpu)
  })

  lifecycle {
    # The scheduled actions move the range through the day.
    ignore_changes = [min_capacity, max_capacity]
  }
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = local.cpu_policy_name
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = var.scaling.business_hours.target_cpu
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }

  lifecycle {
    # The band schedules below set the target through the day.
    ignore_changes = [target_tracking_scaling_policy_configuration[0].target_value]
  }
}

resource "aws_appautoscaling_scheduled_action" "band" {
  for_each = local.scaling_bands

  name               = "${var.service}-${replace(each.key, "_", "-")}"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  schedule           = each.value.schedule
  timezone           = local.scaling_time_zone

  scalable_target_action {
    min_capacity = each.value.band.min
    max_capacity = each.value.band.max
  }
}

# The band's CPU target, set on the tracking policy when the band starts.
resource "aws_scheduler_schedule" "cpu_target" {
  for_each = local.scaling_bands

  name                         = "${var.service}-cpu-${replace(each.key, "_", "-")}"
  description                  = "${var.service}: CPU target ${each.value.band.target_cpu} % from ${each.key}"
  schedule_expression          = each.value.schedule
  schedule_expression_timezone = local.scaling_time_zone

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = "arn:aws:scheduler:::aws-sdk:applicationautoscaling:putScalingPolicy"
    role_arn = aws_iam_role.scaling_scheduler.arn

    input = jsonencode({
      PolicyName        = aws_appautoscaling_policy.cpu.name
      PolicyType        = "TargetTrackingScaling"
      ServiceNamespace  = aws_appautoscaling_target.this.service_namespace
      ResourceId        = aws_appautoscaling_target.this.resource_id
      ScalableDimension = aws_appautoscaling_target.this.scalable_dimension

      TargetTrackingScalingPolicyConfiguration = {
        TargetValue = each.value.band.target_cpu
        PredefinedMetricSpecification = {
          PredefinedMetricType = "ECSServiceAverageCPUUtilization"
        }
      }
    })
  }
}

# EventBridge Scheduler assumes this role, from this account only, to change the CPU target.
resource "aws_iam_role" "scaling_scheduler" {
  name               = "${var.service}-scaling-scheduler"
  assume_role_policy = data.aws_iam_policy_document.scaling_scheduler_trust.json
  tags               = local.tags
}

data "aws_iam_policy_document" "scaling_scheduler_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role_policy" "scaling_scheduler" {
  name   = "put-cpu-target"
  role   = aws_iam_role.scaling_scheduler.id
  policy = data.aws_iam_policy_document.scaling_scheduler.json
}

# PutScalingPolicy for a target tracking policy also manages the policy's CloudWatch alarms,
# which Application Auto Scaling names TargetTracking-<resource id>-*.
data "aws_iam_policy_document" "scaling_scheduler" {
  statement {
    sid       = "PutCpuTarget"
    actions   = ["application-autoscaling:PutScalingPolicy"]
    resources = ["arn:aws:application-autoscaling:${data.aws_region.current.name}:${local.account_id}:scalable-target/*"]
  }

  statement {
    sid       = "ManageTrackingAlarms"
    actions   = ["cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms"]
    resources = ["arn:aws:cloudwatch:${data.aws_region.current.name}:${local.account_id}:alarm:TargetTracking-${aws_appautoscaling_target.this.resource_id}-*"]
  }

  statement {
    sid       = "DescribeAlarms"
    actions   = ["cloudwatch:DescribeAlarms"]
    resources = ["*"]
  }
}
