import { resolveApplicability } from './applicability';
import { defaultPolicy } from './defaultPolicy';
import { demoServices } from './__testUtils__/demo';
import { retentionDays } from '../retention';

const DAY = 86_400_000;
const EU = [
  'eu-north-1',
  'eu-west-1',
  'eu-central-1',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
];
const SWEDISH = ['eu-north-1', 'eu-west-1'];

describe('resolveApplicability', () => {
  const byName = new Map(demoServices().map(s => [s.name, s.profile]));

  it.each([
    [
      'music-discovery',
      ['baseline', 'GDPR', 'PCI_DSS', 'Music_Rights'],
      7,
      3,
      EU,
    ],
    ['recommendation-engine', ['baseline', 'GDPR'], 3, 3, EU],
    ['playlist-management', ['baseline', 'GDPR', 'Copyright_Law'], 3, 3, EU],
    ['playlist-collaboration', ['baseline', 'GDPR'], 3, 3, EU],
    [
      'payment-processing',
      ['baseline', 'GDPR', 'PCI_DSS', 'Svenska_Betaltjänstlagen'],
      7,
      3,
      SWEDISH,
    ],
    [
      'subscription-billing',
      ['baseline', 'GDPR', 'PCI_DSS', 'Svenska_Betaltjänstlagen'],
      7,
      3,
      SWEDISH,
    ],
    ['user-identity', ['baseline', 'GDPR'], 3, 3, EU],
    ['platform-gateway', ['baseline', 'GDPR'], 3, 3, EU],
    [
      'rights-ledger',
      ['baseline', 'Copyright_Law', 'Music_Rights'],
      3,
      undefined,
      EU,
    ],
    ['podcast-ingest', ['baseline', 'Copyright_Law'], 3, undefined, EU],
  ])(
    '%s: %j, %i-year records, GDPR max %s, regions %j',
    (name, frameworks, years, gdprYears, regions) => {
      const app = resolveApplicability(defaultPolicy(), byName.get(name)!);
      expect(app.frameworks.filter(f => f.applies).map(f => f.id)).toEqual(
        frameworks,
      );
      expect([...app.applied]).toEqual(frameworks);
      const p = app.parameters;
      expect(p.recordRetentionYears).toBe(years);
      expect(p.recordRetentionDays).toBe(retentionDays(years));
      expect(p.recordRetentionMinMs).toBe(years * 365 * DAY);
      expect(p.gdprMaxRetentionYears).toBe(gdprYears);
      expect(p.residencyRegions).toEqual(regions);
      expect(p.swedishResidency).toBe(regions === SWEDISH);
      expect(p.allowedRegions).toEqual(EU);
      expect(p.backupRegions).toEqual(['eu-west-1']);
    },
  );

  it('keeps the UK and Switzerland out of the EU regions', () => {
    const { allowedRegions } = defaultPolicy().parameters;
    expect(allowedRegions).not.toContain('eu-west-2');
    expect(allowedRegions).not.toContain('eu-central-2');
  });

  it('accepts Kafka retention written in 365-, 365.25- or 365.2425-day years', () => {
    const p = resolveApplicability(
      defaultPolicy(),
      byName.get('payment-processing')!,
    ).parameters;
    for (const yearDays of [365, 365.25, 365.2425]) {
      expect(7 * yearDays * DAY).toBeGreaterThanOrEqual(p.recordRetentionMinMs);
      expect(3 * yearDays * DAY).toBeLessThanOrEqual(p.gdprMaxRetentionMs!);
    }
    expect(p.recordRetentionMinMs).toBeLessThanOrEqual(220898664000);
  });

  it('says why a framework applies or not', () => {
    const app = resolveApplicability(defaultPolicy(), {
      complianceRequirements: [],
      dataClassification: 'financial',
      terraformStates: [],
      recordRetentionYears: 7,
    });
    expect(
      app.frameworks.find(f => f.id === 'Svenska_Betaltjänstlagen'),
    ).toMatchObject({ applies: true, reason: 'holds financial data' });
    expect(app.frameworks.find(f => f.id === 'PCI_DSS')).toMatchObject({
      applies: false,
      reason: 'applies when the service declares PCI_DSS',
    });
    expect(app.parameters.primaryRegion).toBe('eu-north-1');
  });
});
