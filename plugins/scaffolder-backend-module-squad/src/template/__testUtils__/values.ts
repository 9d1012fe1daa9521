/**
 * What a squad fills in: the rights squad creating a financial service, every other field at
 * its default (the scaling profile is the defaults the form shows).
 */
export const defaultValues = {
  name: 'royalty-statements',
  description: 'Monthly royalty statements for rights holders',
  businessCapability: 'Royalty reporting',
  criticality: 'high',
  owner: 'group:default/rights-squad',
  chapter: 'group:default/backend-engineering-chapter',
  guild: 'group:default/data-engineering-guild',
  dataClassification: 'financial',
  complianceRequirements: ['GDPR', 'Music_Rights'],
  region: 'eu-north-1',
  backupRegion: 'eu-west-1',
  scaling: {
    businessHours: { min: 3, max: 20, targetCpu: 70 },
    offHours: { min: 1, max: 5, targetCpu: 85 },
    weekend: { min: 2, max: 8, targetCpu: 80 },
  },
  repoUrl: 'github.com?owner=acme-music&repo=royalty-statements',
  stateSource: 'terraform-states',
};
