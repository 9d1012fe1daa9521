provider "aws" {
  region = var.region
}

# Backups are replicated here; the compliance policy allows only EU regions.
provider "aws" {
  alias  = "dr"
  region = var.backup_region
}
