# One squad service: KMS key, encrypted and logged buckets with a replicated backup in the
# backup region, the log group and scheduled scaling. The same module serves squads that keep
# all their services in one repository (a services map and for_each).
module "service" {
  source = "./modules/squad-service"

  providers = {
    aws    = aws
    aws.dr = aws.dr
  }

  service                = var.service
  tags                   = local.tags
  record_retention_years = var.record_retention_years
  log_retention_days     = var.log_retention_days
  backup_retention_days  = var.backup_retention_days
  deletion_protection    = var.deletion_protection
  encryption_in_transit  = var.encryption_in_transit
  ecs_cluster_name       = var.ecs_cluster_name
  scaling                = var.scaling
}
