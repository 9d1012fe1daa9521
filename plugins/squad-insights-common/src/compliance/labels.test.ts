import { defaultPolicy } from './defaultPolicy';
import { evaluate } from './evaluate';
import { gcpLabelKey } from './labels';
import type { StateInventory } from '../inventory';

const SEED = {
  Squad: 'Payments Squad',
  Tribe: 'Commerce',
  Chapter: 'Backend Engineering',
  Guild: 'Security Engineering',
  BusinessCapability: 'Payments',
  DataClassification: 'financial',
  ComplianceRequirements: 'GDPR,PCI_DSS',
  Country: 'Sweden',
  Organization: 'Acme Music AB',
  Environment: 'production',
  ManagedBy: 'Terraform',
};

function inventory(type: string, tags: Record<string, string>): StateInventory {
  return {
    status: 'ok',
    serial: 3,
    resources: [
      {
        mode: 'managed',
        type,
        name: 'this',
        address: `${type}.this`,
        instances: [
          {
            address: `${type}.this`,
            region: type.startsWith('google_') ? 'europe-north1' : 'eu-north-1',
            tags,
            attributes: { tags, labels: tags },
          },
        ],
      },
    ],
  } as unknown as StateInventory;
}

function tagging(type: string, tags: Record<string, string>) {
  const r = evaluate(defaultPolicy(), {
    profile: {
      dataClassification: 'financial',
      complianceRequirements: ['GDPR', 'PCI_DSS'],
      chapter: 'backend-engineering-chapter',
      guild: 'security-engineering-guild',
      terraformStates: ['t:k'],
      recordRetentionYears: 7,
    },
    ownership: {
      squad: 'group:default/payments-squad',
      tribe: 'group:default/commerce-tribe',
      chapter: 'group:default/backend-engineering-chapter',
      guild: 'group:default/security-engineering-guild',
    },
    inventories: [{ reference: 't:k', inventory: inventory(type, tags) }],
  });
  return Object.fromEntries(
    r.checks
      .filter(c => /^(tagging|ownership)\./.test(c.checkId))
      .map(c => [c.checkId, c.status]),
  );
}

describe('tag spelling per provider', () => {
  it('maps tag names to GCP label keys', () => {
    expect(gcpLabelKey('BusinessCapability')).toBe('business_capability');
    expect(gcpLabelKey('ComplianceRequirements')).toBe(
      'compliance_requirements',
    );
    expect(gcpLabelKey('Squad')).toBe('squad');
  });

  it('reads the design document scheme from AWS tags as written', () => {
    const statuses = tagging('aws_sqs_queue', SEED);
    expect(statuses['tagging.required-tags']).toBe('pass');
    expect(statuses['ownership.team-tag']).toBe('pass');
    expect(statuses['ownership.tribe-tag']).toBe('pass');
    expect(statuses['ownership.chapter-tag']).toBe('pass');
    expect(statuses['tagging.compliance-matches-catalog']).toBe('pass');
  });

  it('keeps AWS tag keys case-sensitive, as AWS does', () => {
    const lower = Object.fromEntries(
      Object.entries(SEED).map(([k, v]) => [k.toLowerCase(), v]),
    );
    expect(tagging('aws_sqs_queue', lower)['tagging.required-tags']).toBe(
      'fail',
    );
  });

  it('reads GCP labels in lower snake case with lower-case values', () => {
    const labels = Object.fromEntries(
      Object.entries(SEED).map(([k, v]) => [
        gcpLabelKey(k),
        v.toLowerCase().replace(/ /g, '-').replace(/,/g, '--'),
      ]),
    );
    expect(labels.compliance_requirements).toBe('gdpr--pci_dss');
    const statuses = tagging('google_storage_bucket', labels);
    expect(statuses['tagging.required-tags']).toBe('pass');
    expect(statuses['ownership.team-tag']).toBe('pass');
    expect(statuses['ownership.tribe-tag']).toBe('pass');
    expect(statuses['tagging.compliance-matches-catalog']).toBe('pass');
    expect(statuses['tagging.classification-matches-catalog']).toBe('pass');
  });

  it('reads Azure tags in any case, as Azure compares them', () => {
    const upper = Object.fromEntries(
      Object.entries(SEED).map(([k, v]) => [k.toUpperCase(), v]),
    );
    const statuses = tagging('azurerm_storage_account', upper);
    expect(statuses['tagging.required-tags']).toBe('pass');
    expect(statuses['ownership.team-tag']).toBe('pass');
  });
});
