# Scheduled scaling of the service's ECS tasks in three time bands (Europe/Stockholm). A
# scheduled action can't change the CPU target, so each band's target is a tag on the target
# and the tracking policy uses the business-hours one.
resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  resource_id        = "service/${var.ecs_cluster_name}/${var.service}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.scaling.business_hours.min
  max_capacity       = var.scaling.business_hours.max

  tags = merge(local.tags, {
    "squad-insights:target-cpu-business-hours" = tostring(var.scaling.business_hours.target_cpu)
    "squad-insights:target-cpu-offhours"       = tostring(var.scaling.off_hours.target_cpu)
    "squad-insights:target-cpu-weekend"        = tostring(var.scaling.weekend.target_cpu)
  })
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.service}-cpu"
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
}

resource "aws_appautoscaling_scheduled_action" "business_hours" {
  name               = "${var.service}-business-hours"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  schedule           = "cron(0 7 ? * MON-FRI *)"
  timezone           = "Europe/Stockholm"

  scalable_target_action {
    min_capacity = var.scaling.business_hours.min
    max_capacity = var.scaling.business_hours.max
  }
}

resource "aws_appautoscaling_scheduled_action" "off_hours" {
  name               = "${var.service}-off-hours"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  schedule           = "cron(0 18 ? * MON-FRI *)"
  timezone           = "Europe/Stockholm"

  scalable_target_action {
    min_capacity = var.scaling.off_hours.min
    max_capacity = var.scaling.off_hours.max
  }
}

resource "aws_appautoscaling_scheduled_action" "weekend" {
  name               = "${var.service}-weekend"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  schedule           = "cron(0 0 ? * SAT *)"
  timezone           = "Europe/Stockholm"

  scalable_target_action {
    min_capacity = var.scaling.weekend.min
    max_capacity = var.scaling.weekend.max
  }
}
