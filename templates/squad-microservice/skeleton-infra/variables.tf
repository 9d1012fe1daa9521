variable "service" {
  description = "Name of the service; prefix of every resource name."
  type        = string
}

variable "squad" {
  description = "Display name of the owning squad in the catalog (e.g. Payments Squad); the Squad tag."
  type        = string
}

variable "tribe" {
  description = "Display name of the squad's tribe (e.g. Commerce); the Tribe tag."
  type        = string
}

variable "chapter" {
  description = "Display name of the engineers' chapter (e.g. Backend Engineering), or none; the Chapter tag."
  type        = string
}

variable "guild" {
  description = "Display name of the guild (e.g. Security Engineering), or none; the Guild tag."
  type        = string
}

variable "business_capability" {
  description = "The business capability the service provides; the BusinessCapability tag."
  type        = string
}

variable "organization" {
  description = "The organisation's name (Backstage organization.name); the Organization tag."
  type        = string
}

variable "country" {
  description = "Country whose law the organisation answers to; the Country tag."
  type        = string
  default     = "Sweden"
}

variable "environment" {
  description = "Environment tag; the policy treats production data stores more strictly."
  type        = string
  default     = "production"
}

variable "data_classification" {
  description = "The service's data classification, as in its catalog entry; the DataClassification tag."
  type        = string
}

variable "compliance_requirements" {
  description = "Compliance requirements, as in the catalog entry; comma-joined into the ComplianceRequirements tag."
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
