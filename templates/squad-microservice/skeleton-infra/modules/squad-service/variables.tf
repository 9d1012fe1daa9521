variable "service" {
  description = "Name of the service; prefix of every resource name."
  type        = string
}

variable "tags" {
  description = "The organisation's tags for every resource: Squad, Tribe, Chapter, Guild, BusinessCapability, DataClassification, ComplianceRequirements, Country, Organization, Environment and ManagedBy."
  type        = map(string)

  # The compliance policy requires all eleven; refusing a plan without one is cheaper than a
  # failing check after the apply.
  validation {
    condition = alltrue([
      for name in ["Squad", "Tribe", "Chapter", "Guild", "BusinessCapability", "DataClassification", "ComplianceRequirements", "Country", "Organization", "Environment", "ManagedBy"] :
      trimspace(lookup(var.tags, name, "")) != ""
    ])
    error_message = "tags must set Squad, Tribe, Chapter, Guild, BusinessCapability, DataClassification, ComplianceRequirements, Country, Organization, Environment and ManagedBy (none empty)."
  }
}

variable "record_retention_years" {
  description = "Years objects are kept before they expire."
  type        = number
}

variable "log_retention_days" {
  description = "Retention of the service's log group."
  type        = number
}

variable "backup_retention_days" {
  description = "Days earlier versions of backed-up objects are kept."
  type        = number
}

variable "deletion_protection" {
  description = "When true, buckets holding objects cannot be destroyed by Terraform."
  type        = bool
}

variable "encryption_in_transit" {
  description = "When true, bucket policies deny requests without TLS."
  type        = bool
}

variable "ecs_cluster_name" {
  description = "The ECS cluster running the service."
  type        = string
}

variable "scaling" {
  description = "Task counts and CPU targets per time band."

  type = object({
    business_hours = object({ min = number, max = number, target_cpu = number })
    off_hours      = object({ min = number, max = number, target_cpu = number })
    weekend        = object({ min = number, max = number, target_cpu = number })
  })
}
