variable "service" {
  description = "Name of the service; prefix of every resource name."
  type        = string
}

variable "team" {
  description = "The owning squad (catalog Group name); the team tag."
  type        = string
}

variable "tribe" {
  description = "The owning squad's tribe; the tribe tag."
  type        = string
}

variable "environment" {
  description = "Environment tag; the policy treats production data stores more strictly."
  type        = string
  default     = "production"
}

variable "data_classification" {
  description = "The service's data classification, as in its catalog entry."
  type        = string
}

variable "compliance_requirements" {
  description = "Compliance requirements, as in the catalog entry; joined with ':' into the compliance tag."
  type        = list(string)
}

variable "region" {
  description = "Primary region of the service and its data."
  type        = string

  validation {
    condition     = contains(["${{ values.compliance.allowedPrimaryRegions | join('", "') }}"], var.region)
    error_message = "The compliance policy runs ${{ values.dataClassification }} services only in ${{ values.compliance.allowedPrimaryRegions | join(', ') }}."
  }
}

variable "backup_region" {
  description = "Region backups are replicated to."
  type        = string

  validation {
    condition     = contains(["${{ values.compliance.allowedBackupRegions | join('", "') }}"], var.backup_region)
    error_message = "The compliance policy keeps backups of ${{ values.dataClassification }} services only in ${{ values.compliance.allowedBackupRegions | join(', ') }}."
  }
}

variable "record_retention_years" {
  description = "Years records are kept (7 for financial or PCI DSS data, else 3)."
  type        = number
}

variable "log_retention_days" {
  description = "CloudWatch log retention in days; at least the record-keeping period."
  type        = number
}

variable "backup_retention_days" {
  description = "Days earlier versions of backed-up objects are kept."
  type        = number
}

variable "deletion_protection" {
  description = "Whether buckets refuse to be destroyed while they hold objects."
  type        = bool
}

variable "encryption_in_transit" {
  description = "Whether buckets refuse requests that don't use TLS."
  type        = bool
}

variable "ecs_cluster_name" {
  description = "The ECS cluster the service runs in; its tasks are scaled by schedule."
  type        = string
  default     = "squad-services"
}

variable "scaling" {
  description = "Task counts and CPU targets per time band (Europe/Stockholm)."

  type = object({
    business_hours = object({ min = number, max = number, target_cpu = number })
    off_hours      = object({ min = number, max = number, target_cpu = number })
    weekend        = object({ min = number, max = number, target_cpu = number })
  })
}
