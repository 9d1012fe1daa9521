terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }

  # The portal reads this state as ${{ values.stateReference }} (the catalog annotation
  # squad-insights.io/terraform-state): that state source reads bucket ${{ values.stateBucket }}{% if values.statePrefix %}
  # under the prefix ${{ values.statePrefix }}{% endif %}, so the object key below is <prefix>/<annotation key>.
  # Move the state only together with the squad-insights.io/terraform-state annotation.
  backend "s3" {
    bucket       = "${{ values.stateBucket }}"
    key          = "${{ (values.statePrefix + '/') if values.statePrefix else '' }}${{ values.stateKey }}"
    region       = "${{ values.stateRegion }}"
    encrypt      = true
    use_lockfile = true
  }
}
