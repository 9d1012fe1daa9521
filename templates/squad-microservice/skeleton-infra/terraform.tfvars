# Written by the squad microservice template from the catalog and the compliance policy
# (squad:compliance:profile). Change them together with catalog-info.yaml of the service.
# The ownership tags carry the catalog's display names (title, else spec.profile.displayName),
# as people read them; the portal matches them to the catalog's groups.
service                 = "${{ values.name }}"
squad                   = ${{ values.squad.title | dump }}
tribe                   = ${{ values.tribe.title | dump }}
chapter                 = ${{ (values.chapter.title if values.chapter else 'none') | dump }}
guild                   = ${{ (values.guild.title if values.guild else 'none') | dump }}
business_capability     = ${{ values.businessCapability | dump }}
organization            = ${{ values.organization | dump }}
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
