# Written by the squad microservice template from the catalog and the compliance policy
# (squad:compliance:profile). Change them together with catalog-info.yaml of the service.
service                 = "${{ values.name }}"
team                    = "${{ values.squad.name }}"
tribe                   = "${{ values.tribe.name }}"
data_classification     = "${{ values.dataClassification }}"
compliance_requirements = [{% if values.complianceRequirements | length %}"${{ values.complianceRequirements | join('", "') }}"{% endif %}]

region        = "${{ values.compliance.region }}"
backup_region = "${{ values.compliance.backupRegion }}"

record_retention_years = ${{ values.compliance.recordRetentionYears }}
log_retention_days     = ${{ values.compliance.logRetentionDays }}
backup_retention_days  = ${{ values.compliance.backupRetentionDays }}
deletion_protection    = ${{ values.compliance.deletionProtection }}
encryption_in_transit  = ${{ values.compliance.encryptionInTransit }}

scaling = {
  business_hours = { min = ${{ values.scaling.businessHours.min }}, max = ${{ values.scaling.businessHours.max }}, target_cpu = ${{ values.scaling.businessHours.targetCpu }} }
  off_hours      = { min = ${{ values.scaling.offHours.min }}, max = ${{ values.scaling.offHours.max }}, target_cpu = ${{ values.scaling.offHours.targetCpu }} }
  weekend        = { min = ${{ values.scaling.weekend.min }}, max = ${{ values.scaling.weekend.max }}, target_cpu = ${{ values.scaling.weekend.targetCpu }} }
}
