# Data in the primary region, a replicated backup in the backup region; each region has its
# own access-log bucket because S3 delivers access logs only within a region.
module "access_logs" {
  source = "../s3-bucket"

  name                               = "${var.service}-access-logs-${local.account_id}"
  receives_access_logs               = true
  expiration_days                    = local.record_retention_days
  noncurrent_version_expiration_days = var.backup_retention_days
  deny_insecure_transport            = var.encryption_in_transit
  force_destroy                      = !var.deletion_protection
  tags                               = local.tags
}

module "data" {
  source = "../s3-bucket"

  name                               = "${var.service}-data-${local.account_id}"
  kms_key_arn                        = aws_kms_key.this.arn
  access_log_bucket                  = module.access_logs.id
  expiration_days                    = local.record_retention_days
  noncurrent_version_expiration_days = var.backup_retention_days
  deny_insecure_transport            = var.encryption_in_transit
  force_destroy                      = !var.deletion_protection
  tags                               = local.tags
}

module "backup_access_logs" {
  source    = "../s3-bucket"
  providers = { aws = aws.dr }

  name                               = "${var.service}-backup-access-logs-${local.account_id}"
  receives_access_logs               = true
  expiration_days                    = local.record_retention_days
  noncurrent_version_expiration_days = var.backup_retention_days
  deny_insecure_transport            = var.encryption_in_transit
  force_destroy                      = !var.deletion_protection
  tags                               = local.tags
}

module "backup" {
  source    = "../s3-bucket"
  providers = { aws = aws.dr }

  name                               = "${var.service}-backup-${local.account_id}"
  kms_key_arn                        = aws_kms_key.backup.arn
  access_log_bucket                  = module.backup_access_logs.id
  expiration_days                    = local.record_retention_days
  noncurrent_version_expiration_days = var.backup_retention_days
  deny_insecure_transport            = var.encryption_in_transit
  force_destroy                      = !var.deletion_protection
  tags                               = local.tags
}

# Every object written to the data bucket is copied, re-encrypted with the backup key.
resource "aws_s3_bucket_replication_configuration" "data" {
  bucket = module.data.id
  role   = aws_iam_role.replication.arn

  rule {
    id     = "backup"
    status = "Enabled"
    filter {}
    delete_marker_replication {
      status = "Disabled"
    }
    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }
    destination {
      bucket        = module.backup.arn
      storage_class = "STANDARD_IA"
      encryption_configuration {
        replica_kms_key_id = aws_kms_key.backup.arn
      }
    }
  }
}

data "aws_iam_policy_document" "replication_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "replication" {
  name               = "${var.service}-s3-replication"
  assume_role_policy = data.aws_iam_policy_document.replication_trust.json
  tags               = local.tags
}

data "aws_iam_policy_document" "replication" {
  statement {
    actions   = ["s3:GetReplicationConfiguration", "s3:ListBucket"]
    resources = [module.data.arn]
  }
  statement {
    actions   = ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]
    resources = ["${module.data.arn}/*"]
  }
  statement {
    actions   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]
    resources = ["${module.backup.arn}/*"]
  }
  statement {
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.this.arn]
  }
  statement {
    actions   = ["kms:Encrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.backup.arn]
  }
}

resource "aws_iam_role_policy" "replication" {
  name   = "replicate-to-backup"
  role   = aws_iam_role.replication.id
  policy = data.aws_iam_policy_document.replication.json
}
