output "data_bucket" {
  description = "The service's data bucket."
  value       = module.service.data_bucket
}

output "backup_bucket" {
  description = "The replicated backup bucket in the backup region."
  value       = module.service.backup_bucket
}

output "kms_key_arn" {
  description = "The customer key that encrypts the service's data and logs."
  value       = module.service.kms_key_arn
}

output "log_group_name" {
  description = "The service's CloudWatch log group."
  value       = module.service.log_group_name
}
