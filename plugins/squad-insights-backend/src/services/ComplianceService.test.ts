import { mockCredentials } from '@backstage/backend-test-utils';
import {
  defaultPolicy,
  readServiceProfile,
  StateInventory,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type {
  ComplianceStore,
  StoredWaiver,
} from '../database/ComplianceStore';
import { ComplianceService } from './ComplianceService';

const NOW = new Date('2026-11-26T12:00:00Z');
const REF = 'demo:svc/terraform.tfstate';
const ENCRYPTION = 'encryption.rds-storage';

const inventory: StateInventory = {
  status: 'ok',
  format: 'v4',
  serial: 7,
  outputs: {},
  resources: [
    {
      address: 'aws_db_instance.main',
      mode: 'managed',
      type: 'aws_db_instance',
      name: 'main',
      provider: 'registry.terraform.io/hashicorp/aws',
      instances: [
        {
          address: 'aws_db_instance.main',
          tags: {},
          attributes: { storage_encrypted: false },
        },
      ],
    },
  ],
};

const { profile } = readServiceProfile({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'svc',
    annotations: { 'squad-insights.io/terraform-state': REF },
  },
  spec: { owner: 'group:default/squad' },
});

function service(waivers: StoredWaiver[], freshUntil?: Date) {
  return ComplianceService.create({
    policy: defaultPolicy(),
    now: () => NOW,
    store: { listWaivers: async () => waivers } as unknown as ComplianceStore,
    serviceProfile: {
      getProfile: async () => ({
        entityRef: 'component:default/svc',
        profile,
        ownership: {},
        problems: [],
      }),
    },
    facts: {
      getEntityFacts: async () => ({
        entityRef: 'component:default/svc',
        problems: [],
        bindings: [],
        states: [{ reference: REF, freshness: { stale: false }, inventory }],
      }),
      freshUntil: () => freshUntil,
    },
  });
}

const waiver = (expiresAt: string, revoked = false): StoredWaiver => ({
  id: expiresAt,
  entityRef: 'component:default/svc',
  checkId: ENCRYPTION,
  justification: 'accepted',
  grantedBy: 'user:default/carl',
  grantedAt: new Date('2026-11-01T00:00:00Z'),
  expiresAt: new Date(expiresAt),
  ...(revoked
    ? {
        revokedAt: new Date('2026-11-02T00:00:00Z'),
        revokedBy: 'user:default/carl',
      }
    : {}),
});

async function encryption(waivers: StoredWaiver[]) {
  const result = await service(waivers).getEntityCompliance(
    { kind: 'component', namespace: 'default', name: 'svc' },
    { credentials: mockCredentials.user() },
  );
  return result.checks.find(c => c.checkId === ENCRYPTION)!;
}

describe('ComplianceService', () => {
  it('fails the unencrypted database with its address as evidence', async () => {
    const check = await encryption([]);
    expect(check.status).toBe('fail');
    expect(check.evidence.map(e => e.address)).toEqual([
      'aws_db_instance.main',
    ]);
  });

  it('applies an unexpired waiver', async () => {
    expect((await encryption([waiver('2026-12-01T00:00:00Z')])).waiver).toEqual(
      {
        expiresAt: '2026-12-01T00:00:00.000Z',
        reason: 'accepted',
      },
    );
  });

  it('holds until the first unexpired waiver expires or a fact turns stale, whichever is first', async () => {
    const ref = { kind: 'component', namespace: 'default', name: 'svc' };
    const options = { credentials: mockCredentials.user() };
    const waivers = [
      waiver('2026-11-26T11:00:00Z'), // already expired: changes nothing any more
      waiver('2026-12-01T00:00:00Z'),
      waiver('2026-11-28T00:00:00Z', true), // revoked: changes nothing
      waiver('2026-12-24T00:00:00Z'),
    ];
    const byWaiver = await service(waivers).evaluateEntity(ref, options);
    expect(byWaiver.validUntil).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(byWaiver.result.evaluatedAt).toBe(NOW.toISOString());
    const byFacts = await service(
      waivers,
      new Date('2026-11-26T12:15:00Z'),
    ).evaluateEntity(ref, options);
    expect(byFacts.validUntil).toEqual(new Date('2026-11-26T12:15:00Z'));
    expect(
      (await service([]).evaluateEntity(ref, options)).validUntil,
    ).toBeUndefined();
  });

  it('does not apply an expired or a revoked waiver', async () => {
    const check = await encryption([
      waiver('2026-11-26T11:59:59Z'),
      waiver('2026-12-01T00:00:00Z', true),
    ]);
    expect(check.status).toBe('fail');
    expect(check.waiver).toBeUndefined();
  });
});
