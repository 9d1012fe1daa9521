# The service's audit trail; kept at least as long as its records must be.
resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${var.service}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.this.arn
  tags              = local.tags
}
