variable "name" {
  description = "Globally unique bucket name."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer key for SSE-KMS; null for SSE-S3, which S3 server access logging targets require."
  type        = string
  default     = null
}

variable "access_log_bucket" {
  description = "Bucket receiving this bucket's access logs; null for an access-log bucket itself."
  type        = string
  default     = null
}

variable "receives_access_logs" {
  description = "Whether S3 server access logging may write into this bucket."
  type        = bool
  default     = false
}

variable "expiration_days" {
  description = "Days after which current objects expire (the record-keeping period)."
  type        = number
}

variable "noncurrent_version_expiration_days" {
  description = "Days earlier object versions are kept."
  type        = number
}

variable "deny_insecure_transport" {
  description = "Deny every request that doesn't use TLS."
  type        = bool
}

variable "force_destroy" {
  description = "Allow Terraform to delete the bucket with its objects."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags of the bucket."
  type        = map(string)
}
