# The organisation's tag block (the compliance policy's parameters.tagNames): eleven tags with
# the catalog's display names as values. The providers apply them to every taggable resource as
# default_tags (Terraform writes them into tags_all), and the squad-service module sets them on
# its resources as well, so a resource created outside the providers' defaults still has them.
locals {
  tags = {
    Squad                  = var.squad
    Tribe                  = var.tribe
    Chapter                = var.chapter
    Guild                  = var.guild
    BusinessCapability     = var.business_capability
    DataClassification     = var.data_classification
    ComplianceRequirements = length(var.compliance_requirements) > 0 ? join(",", var.compliance_requirements) : "none"
    Country                = var.country
    Organization           = var.organization
    Environment            = var.environment
    ManagedBy              = "Terraform"
  }
}
