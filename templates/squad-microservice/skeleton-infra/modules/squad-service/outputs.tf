output "data_bucket" {
  description = "The data bucket's name."
  value       = module.data.id
}

output "backup_bucket" {
  description = "The backup bucket's name (in the backup region)."
  value       = module.backup.id
}

output "kms_key_arn" {
  description = "The primary region's customer key."
  value       = aws_kms_key.this.arn
}

output "log_group_name" {
  description = "The service's log group."
  value       = aws_cloudwatch_log_group.this.name
}

output "backup_region" {
  description = "Where the backups are."
  value       = data.aws_region.dr.name
}
