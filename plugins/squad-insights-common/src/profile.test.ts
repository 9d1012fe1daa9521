import { defaultPolicy, knownRequirements } from './compliance';
import type { Entity } from '@backstage/catalog-model';
import { readServiceProfile } from './profile';
import { recordRetentionYears, retentionDays } from './retention';

function service(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payment-processing', annotations },
    spec: { type: 'service', owner: 'group:default/payments-squad' },
  };
}

describe('readServiceProfile', () => {
  it('reads the seed service payment-processing', () => {
    const { profile, problems } = readServiceProfile(
      service({
        'squad-insights.io/business-capability': 'Payments',
        'squad-insights.io/data-classification': 'financial',
        'squad-insights.io/compliance-requirements':
          'GDPR, PCI_DSS,Svenska_Betaltjänstlagen',
        'squad-insights.io/chapter': 'backend-engineering-chapter',
        'squad-insights.io/guild': 'security-engineering-guild',
        'squad-insights.io/terraform-state':
          'demo:payment-processing/terraform.tfstate',
      }),
    );
    expect(problems).toEqual([]);
    expect(profile).toEqual({
      businessCapability: 'Payments',
      dataClassification: 'financial',
      complianceRequirements: ['GDPR', 'PCI_DSS', 'Svenska_Betaltjänstlagen'],
      chapter: 'backend-engineering-chapter',
      guild: 'security-engineering-guild',
      terraformStates: ['demo:payment-processing/terraform.tfstate'],
      consulService: undefined,
      recordRetentionYears: 7,
    });
  });

  it('names the annotation and the bad value, and keeps the rest', () => {
    const { profile, problems } = readServiceProfile(
      service({
        'squad-insights.io/data-classification': 'secret-ish',
        'squad-insights.io/compliance-requirements': 'GDPR,HIPAA',
      }),
      { requirements: knownRequirements(defaultPolicy()) },
    );
    expect(profile.complianceRequirements).toEqual(['GDPR']);
    expect(profile.dataClassification).toBeUndefined();
    expect(problems).toEqual([
      {
        annotation: 'squad-insights.io/data-classification',
        message: expect.stringContaining('"secret-ish"'),
      },
      {
        annotation: 'squad-insights.io/compliance-requirements',
        message: expect.stringContaining('"HIPAA"'),
      },
    ]);
  });

  it("takes requirements in the policy's spelling, and any framework the policy defines", () => {
    const requirements = [...knownRequirements(defaultPolicy()), 'FI_FFFS'];
    const { profile, problems } = readServiceProfile(
      service({
        'squad-insights.io/compliance-requirements':
          'pci-dss, Finansinspektionen,psd2, fi fffs',
      }),
      { requirements },
    );
    expect(problems).toEqual([]);
    expect(profile.complianceRequirements).toEqual([
      'PCI_DSS',
      'Finansinspektionen',
      'PSD2',
      'FI_FFFS',
    ]);
    const unknown = readServiceProfile(
      service({ 'squad-insights.io/compliance-requirements': 'SOX' }),
      { requirements },
    );
    expect(unknown.problems[0].message).toBe(
      `unknown compliance requirement "SOX"; the compliance policy defines ${requirements.join(
        ', ',
      )}`,
    );
  });

  it('treats a service without annotations as declaring nothing', () => {
    const { profile, problems } = readServiceProfile(service({}));
    expect(problems).toEqual([]);
    expect(profile.complianceRequirements).toEqual([]);
    expect(profile.terraformStates).toEqual([]);
    expect(profile.recordRetentionYears).toBe(3);
  });
});

describe('recordRetentionYears', () => {
  it.each([
    [
      { dataClassification: 'financial' as const, complianceRequirements: [] },
      7,
    ],
    [
      {
        dataClassification: 'user_behavioral' as const,
        complianceRequirements: ['GDPR', 'PCI_DSS'] as const,
      },
      7,
    ],
    [
      {
        dataClassification: 'user_content' as const,
        complianceRequirements: ['GDPR', 'Copyright_Law'] as const,
      },
      3,
    ],
    [{ complianceRequirements: [] }, 3],
  ])('%j keeps records %i years', (input, years) => {
    expect(recordRetentionYears(input)).toBe(years);
  });

  it('converts years to whole days', () => {
    expect(retentionDays(7)).toBe(2557);
    expect(retentionDays(3)).toBe(1096);
  });
});
