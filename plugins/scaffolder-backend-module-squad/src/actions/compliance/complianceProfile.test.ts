import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  DATA_CLASSIFICATIONS,
  DataClassification,
  defaultPolicy,
  mergePolicy,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import yaml from 'yaml';
import { createComplianceProfileAction } from './complianceProfile';
import { examples } from './complianceProfile.examples';

type ParsedInput = Parameters<
  ReturnType<typeof createComplianceProfileAction>['handler']
>[0]['input'];
/** As a template gives it: the scaffolder validates input but applies no schema defaults. */
type Input = Omit<ParsedInput, 'complianceRequirements'> &
  Partial<Pick<ParsedInput, 'complianceRequirements'>>;

/** Runs the action and collects what it output, by name. */
async function run(input: Input, action = createComplianceProfileAction()) {
  const ctx = createMockActionContext({ input: input as ParsedInput });
  await action.handler(ctx);
  return Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls.map(([name, value]) => [name, value]),
  );
}

const EU = [
  'eu-north-1',
  'eu-west-1',
  'eu-central-1',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
];

/** Without PCI DSS: records, approvals and the mesh by classification alone. */
const WITHOUT_PCI: Record<
  DataClassification,
  { years: number; approvals: number; mesh: boolean }
> = {
  public: { years: 3, approvals: 1, mesh: false },
  internal: { years: 3, approvals: 1, mesh: false },
  personal: { years: 3, approvals: 1, mesh: true },
  user_behavioral: { years: 3, approvals: 1, mesh: false },
  user_content: { years: 3, approvals: 1, mesh: false },
  financial: { years: 7, approvals: 2, mesh: true },
};

describe('squad:compliance:profile', () => {
  // Each example is parsed back from its YAML and run, so the docs cannot drift.
  const expected = [
    {
      recordRetentionYears: 7,
      requiredApprovals: 2,
      allowedPrimaryRegions: ['eu-north-1'],
    },
    {
      recordRetentionYears: 3,
      requiredApprovals: 1,
      allowedPrimaryRegions: EU,
    },
  ];
  it.each(
    examples.map((e, i) => [e.description, e.example, expected[i]] as const),
  )('runs the example: %s', async (_description, example, want) => {
    const step = yaml.parse(example).steps[0];
    expect(step.action).toBe('squad:compliance:profile');
    expect(await run(step.input)).toMatchObject(want);
  });

  it('has an expectation for every example', () => {
    expect(expected).toHaveLength(examples.length);
  });

  it('covers every data classification', () => {
    expect(Object.keys(WITHOUT_PCI).sort()).toEqual(
      Object.keys(DATA_CLASSIFICATIONS).sort(),
    );
  });

  describe.each(Object.keys(WITHOUT_PCI) as DataClassification[])(
    'a %s service',
    classification => {
      const want = WITHOUT_PCI[classification];
      const regions = { region: 'eu-north-1', backupRegion: 'eu-west-1' };

      it(`without PCI DSS keeps records ${want.years} years and needs ${want.approvals} approval(s)`, async () => {
        const out = await run({
          dataClassification: classification,
          complianceRequirements: [],
          ...regions,
        });
        expect(out).toMatchObject({
          recordRetentionYears: want.years,
          recordRetentionDays: want.years === 7 ? 2557 : 1096,
          logRetentionDays: want.years === 7 ? 2557 : 1096,
          requiredApprovals: want.approvals,
          serviceMeshRequired: want.mesh,
          encryptionAtRest: true,
          kmsKeyRotation: true,
          auditLogging: true,
          encryptionInTransit: true,
          deletionProtection: true,
          ...regions,
        });
        expect(out.frameworks).not.toContain('PCI_DSS');
      });

      it('under PCI DSS keeps records 7 years and needs 2 approvals', async () => {
        const out = await run({
          dataClassification: classification,
          complianceRequirements: ['PCI_DSS'],
          ...regions,
        });
        expect(out).toMatchObject({
          recordRetentionYears: 7,
          recordRetentionDays: 2557,
          logRetentionDays: 2557,
          requiredApprovals: 2,
          backupRetentionDays: 35,
        });
        expect(out.frameworks).toEqual(
          expect.arrayContaining(['baseline', 'PCI_DSS']),
        );
      });

      it.each(['eu-west-2', 'us-east-1'])(
        'rejects the region %s, naming the allowed ones',
        async region => {
          const allowed =
            classification === 'financial' ? 'eu-north-1' : EU.join(', ');
          const attempt = run({
            dataClassification: classification,
            complianceRequirements: [],
            region,
            backupRegion: 'eu-west-1',
          });
          await expect(attempt).rejects.toThrow(InputError);
          await expect(attempt).rejects.toThrow(
            `region "${region}" is not allowed: choose one of ${allowed} (`,
          );
        },
      );
    },
  );

  it('rejects a backup region outside the EU, and names both problems at once', async () => {
    await expect(
      run({
        dataClassification: 'personal',
        complianceRequirements: ['GDPR'],
        region: 'eu-west-2',
        backupRegion: 'us-east-1',
      }),
    ).rejects.toThrow(
      `The regions chosen for a personal service are not allowed by the compliance policy: region "eu-west-2" is not allowed: choose one of ${EU.join(
        ', ',
      )} (the compliance policy keeps data in these EU regions); backupRegion "us-east-1" is not allowed: choose one of ${EU.join(
        ', ',
      )} (the compliance policy keeps data in these EU regions)`,
    );
  });

  it('takes the frameworks the policy defines, and names an unknown one with the known ones', async () => {
    await expect(
      run({
        dataClassification: 'financial',
        complianceRequirements: ['GDPR', 'HIPAA'],
        region: 'eu-north-1',
        backupRegion: 'eu-west-1',
      }),
    ).rejects.toThrow(
      'complianceRequirements: unknown "HIPAA"; the compliance policy defines GDPR, PCI_DSS, Svenska_Betaltjänstlagen, Copyright_Law, Music_Rights, Finansinspektionen, PSD2, AML',
    );
  });

  it('keeps Finansinspektionen data in Sweden, as Swedish payment data', async () => {
    await expect(
      run({
        dataClassification: 'financial',
        complianceRequirements: ['Finansinspektionen'],
        region: 'eu-central-1',
        backupRegion: 'eu-west-1',
      }),
    ).rejects.toThrow(
      'region "eu-central-1" is not allowed: choose one of eu-north-1',
    );
  });

  it('keeps Swedish payment data in Sweden: an EU region is not enough', async () => {
    await expect(
      run({
        dataClassification: 'internal',
        complianceRequirements: ['Svenska_Betaltjänstlagen'],
        region: 'eu-central-1',
        backupRegion: 'eu-west-1',
      }),
    ).rejects.toThrow(
      'region "eu-central-1" is not allowed: choose one of eu-north-1 (Swedish payment rules',
    );
  });

  it('judges by the policy it is given', async () => {
    const policy = mergePolicy(defaultPolicy(), {
      parameters: { allowedRegions: ['eu-north-1', 'eu-west-1', 'eu-west-2'] },
    });
    const out = await run(
      {
        dataClassification: 'public',
        region: 'eu-west-2',
        backupRegion: 'eu-west-1',
      },
      createComplianceProfileAction({ policy }),
    );
    expect(out.allowedRegions).toEqual([
      'eu-north-1',
      'eu-west-1',
      'eu-west-2',
    ]);
    // complianceRequirements may be left out; none are then declared.
    expect(out.frameworks).toEqual(['baseline']);
  });
});
