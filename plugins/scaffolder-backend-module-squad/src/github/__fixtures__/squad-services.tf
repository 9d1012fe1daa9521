# Services of the payments squad. One entry per service; the module below creates each.
locals {
  squad = "payments"

  services = {
    payment-gateway = {
      data_classification = "financial"
      min_capacity        = 3
      max_capacity        = 20
      compliance          = ["GDPR", "PCI_DSS"] # reviewed by risk, see RISK-112
    }

    "fraud-scoring" = {
      data_classification = "internal"
      min_capacity        = 1
      max_capacity        = 5
      compliance          = ["GDPR"]
      description         = "Scores payments; braces in strings { are not structure }"
    }
  }
}

module "service" {
  source   = "./modules/squad-service"
  for_each = local.services

  name                = each.key
  squad               = local.squad
  data_classification = each.value.data_classification
  min_capacity        = each.value.min_capacity
  max_capacity        = each.value.max_capacity
  compliance          = each.value.compliance
}
