provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}

# Backups are replicated here; the compliance policy allows only EU regions.
provider "aws" {
  alias  = "dr"
  region = var.backup_region

  default_tags {
    tags = local.tags
  }
}
