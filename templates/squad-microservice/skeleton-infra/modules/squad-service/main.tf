data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

data "aws_region" "dr" {
  provider = aws.dr
}

locals {
  # The organisation's eleven tags (Squad, Tribe, ..., ManagedBy), as the root module builds them.
  tags       = var.tags
  account_id = data.aws_caller_identity.current.account_id
  # Records are kept for whole years of 365.25 days, as retentionDays() in squad-insights.
  record_retention_days = ceil(var.record_retention_years * 365.25)
}

# One customer key per region: data, logs and backups are encrypted with keys the squad's
# account controls, so access is auditable and revocable.
resource "aws_kms_key" "this" {
  description             = "${var.service}: data and logs"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.kms.json
  tags                    = local.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.service}"
  target_key_id = aws_kms_key.this.key_id
}

resource "aws_kms_key" "backup" {
  provider                = aws.dr
  description             = "${var.service}: backups"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = local.tags
}

resource "aws_kms_alias" "backup" {
  provider      = aws.dr
  name          = "alias/${var.service}-backup"
  target_key_id = aws_kms_key.backup.key_id
}

# The account administers the key; CloudWatch Logs may use it for this service's log group.
data "aws_iam_policy_document" "kms" {
  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchLogsEncrypt"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["logs.${data.aws_region.current.name}.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:aws:logs:${data.aws_region.current.name}:${local.account_id}:log-group:/ecs/${var.service}"]
    }
  }
}
