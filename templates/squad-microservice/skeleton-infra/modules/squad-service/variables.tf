variable "service" {
  description = "Name of the service; prefix of every resource name."
  type        = string
}

variable "team" {
  description = "The owning squad; the team tag."
  type        = string
}

variable "tribe" {
  description = "The owning squad's tribe; the tribe tag."
  type        = string
}

variable "environment" {
  description = "The environment tag."
  type        = string
  default     = "production"
}

variable "data_classification" {
  description = "The data-classification tag."
  type        = string
}

variable "compliance_requirements" {
  description = "Joined with ':' into the compliance tag ('none' when empty)."
  type        = list(string)
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
