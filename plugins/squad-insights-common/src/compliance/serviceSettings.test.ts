import {
  ComplianceRequirement,
  DATA_CLASSIFICATIONS,
  DataClassification,
} from '../classification';
import { defaultPolicy } from './defaultPolicy';
import { mergePolicy } from './mergePolicy';
import { PolicyLoadError } from './problems';
import { newServiceSettings, serviceRegionProblems } from './serviceSettings';

const EU = [
  'eu-north-1',
  'eu-west-1',
  'eu-central-1',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
];

/** What the default policy asks of a new service that declares no requirement. */
const BY_CLASSIFICATION: Record<
  DataClassification,
  {
    frameworks: string[];
    years: number;
    approvals: number;
    backupDays: number;
    mesh: boolean;
    primary: string[];
    backup: string[];
  }
> = {
  public: {
    frameworks: ['baseline'],
    years: 3,
    approvals: 1,
    backupDays: 14,
    mesh: false,
    primary: EU,
    backup: EU,
  },
  internal: {
    frameworks: ['baseline'],
    years: 3,
    approvals: 1,
    backupDays: 14,
    mesh: false,
    primary: EU,
    backup: EU,
  },
  personal: {
    frameworks: ['baseline', 'GDPR'],
    years: 3,
    approvals: 1,
    backupDays: 14,
    mesh: true,
    primary: EU,
    backup: EU,
  },
  user_behavioral: {
    frameworks: ['baseline', 'GDPR'],
    years: 3,
    approvals: 1,
    backupDays: 14,
    mesh: false,
    primary: EU,
    backup: EU,
  },
  user_content: {
    frameworks: ['baseline', 'GDPR'],
    years: 3,
    approvals: 1,
    backupDays: 14,
    mesh: false,
    primary: EU,
    backup: EU,
  },
  financial: {
    frameworks: ['baseline', 'GDPR', 'Svenska_Betaltjänstlagen'],
    years: 7,
    approvals: 2,
    backupDays: 35,
    mesh: true,
    primary: ['eu-north-1'],
    backup: ['eu-west-1'],
  },
};

describe('newServiceSettings', () => {
  const policy = defaultPolicy();

  it('has an expectation for every data classification', () => {
    expect(Object.keys(BY_CLASSIFICATION).sort()).toEqual(
      Object.keys(DATA_CLASSIFICATIONS).sort(),
    );
  });

  it.each(Object.keys(BY_CLASSIFICATION) as DataClassification[])(
    'derives the settings of a %s service without requirements',
    dataClassification => {
      const want = BY_CLASSIFICATION[dataClassification];
      const s = newServiceSettings(policy, {
        dataClassification,
        complianceRequirements: [],
      });
      expect(s).toEqual({
        frameworks: want.frameworks,
        recordRetentionYears: want.years,
        recordRetentionDays: want.years === 7 ? 2557 : 1096,
        logRetentionDays: want.years === 7 ? 2557 : 1096,
        encryptionAtRest: true,
        kmsKeyRotation: true,
        auditLogging: true,
        encryptionInTransit: true,
        backupRetentionDays: want.backupDays,
        deletionProtection: true,
        requiredApprovals: want.approvals,
        serviceMeshRequired: want.mesh,
        allowedRegions: [...new Set([...want.primary, ...want.backup])],
        allowedPrimaryRegions: want.primary,
        allowedBackupRegions: want.backup,
        swedishResidency: dataClassification === 'financial',
      });
    },
  );

  it.each(Object.keys(BY_CLASSIFICATION) as DataClassification[])(
    'keeps records 7 years and asks two approvals of a %s service under PCI DSS',
    dataClassification => {
      const s = newServiceSettings(policy, {
        dataClassification,
        complianceRequirements: ['GDPR', 'PCI_DSS'],
      });
      expect(s.frameworks).toContain('PCI_DSS');
      expect(s.frameworks).toContain('GDPR');
      expect(s.recordRetentionYears).toBe(7);
      expect(s.recordRetentionDays).toBe(2557);
      expect(s.logRetentionDays).toBe(2557);
      expect(s.requiredApprovals).toBe(2);
      expect(s.backupRetentionDays).toBe(35);
      // PCI DSS alone does not bring the service mesh check; the classification does.
      expect(s.serviceMeshRequired).toBe(
        BY_CLASSIFICATION[dataClassification].mesh,
      );
    },
  );

  it('pins a service under Svenska_Betaltjänstlagen to Sweden whatever its data', () => {
    const requirements: ComplianceRequirement[] = ['Svenska_Betaltjänstlagen'];
    const s = newServiceSettings(policy, {
      dataClassification: 'internal',
      complianceRequirements: requirements,
    });
    expect(s.allowedPrimaryRegions).toEqual(['eu-north-1']);
    expect(s.allowedBackupRegions).toEqual(['eu-west-1']);
    expect(s.recordRetentionYears).toBe(3);
    expect(s.backupRetentionDays).toBe(35);
    expect(s.requiredApprovals).toBe(1);
  });

  it('takes its values from the policy, so an override changes the template too', () => {
    const tuned = mergePolicy(policy, {
      parameters: {
        newService: {
          ...policy.parameters.newService,
          requiredApprovals: {
            value: 2,
            stricter: { value: 3, when: { classifications: ['financial'] } },
          },
        },
      },
      checks: [{ id: 'transit.consul-mesh', enabled: false }],
    });
    const payments = newServiceSettings(tuned, {
      dataClassification: 'financial',
      complianceRequirements: [],
    });
    expect(payments.requiredApprovals).toBe(3);
    expect(payments.serviceMeshRequired).toBe(false);
    const site = newServiceSettings(tuned, {
      dataClassification: 'public',
      complianceRequirements: [],
    });
    expect(site.requiredApprovals).toBe(2);
  });

  it('rejects settings naming an unknown check or backups shorter than the minimum', () => {
    const { newService } = policy.parameters;
    let error: unknown;
    try {
      mergePolicy(policy, {
        parameters: {
          minBackupRetentionDays: 20,
          newService: {
            ...newService,
            switchedOnBy: {
              ...newService.switchedOnBy,
              serviceMesh: ['transit.mesh'],
            },
          },
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyLoadError);
    expect(
      (error as PolicyLoadError).problems.map(p => [p.path, p.message]),
    ).toEqual([
      [
        'parameters.newService.switchedOnBy.serviceMesh[0]',
        'unknown check "transit.mesh"',
      ],
      [
        'parameters.newService.backupRetentionDays.value',
        '14 days is less than minBackupRetentionDays (20)',
      ],
    ]);
  });
});

describe('serviceRegionProblems', () => {
  const policy = defaultPolicy();
  const settingsOf = (dataClassification: DataClassification) =>
    newServiceSettings(policy, {
      dataClassification,
      complianceRequirements: [],
    });

  it('accepts the defaults of the template for every classification', () => {
    for (const c of Object.keys(DATA_CLASSIFICATIONS) as DataClassification[]) {
      expect(
        serviceRegionProblems(settingsOf(c), {
          region: 'eu-north-1',
          backupRegion: 'eu-west-1',
        }),
      ).toEqual([]);
    }
  });

  it.each([
    ['eu-west-2', 'London is outside the EU'],
    ['us-east-1', 'outside the EU'],
  ])('rejects %s (%s), naming the allowed regions', region => {
    expect(
      serviceRegionProblems(settingsOf('personal'), {
        region,
        backupRegion: region,
      }),
    ).toEqual([
      `region "${region}" is not allowed: choose one of ${EU.join(
        ', ',
      )} (the compliance policy keeps data in these EU regions)`,
      `backupRegion "${region}" is not allowed: choose one of ${EU.join(
        ', ',
      )} (the compliance policy keeps data in these EU regions)`,
    ]);
  });

  it('keeps payment data in Sweden with copies only in the disaster-recovery region', () => {
    const problems = serviceRegionProblems(settingsOf('financial'), {
      region: 'eu-central-1',
      backupRegion: 'eu-north-1',
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^region "eu-central-1" is not allowed: choose one of eu-north-1 \(Swedish payment rules/,
    );
    expect(problems[1]).toMatch(
      /^backupRegion "eu-north-1" is not allowed: choose one of eu-west-1 \(/,
    );
  });
});
