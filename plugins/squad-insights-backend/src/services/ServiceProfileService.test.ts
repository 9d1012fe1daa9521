import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogServiceProfileService } from './ServiceProfileService';

const group = (
  name: string,
  spec: Record<string, unknown>,
  annotations?: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', ...(annotations && { annotations }) },
  spec: { children: [], ...spec },
});

const user = (name: string, displayName: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {
    profile: { displayName, email: `${name}@acme-music.example` },
    memberOf: ['payments-squad'],
  },
});

const service = (owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payment-processing',
    namespace: 'default',
    annotations: {
      'squad-insights.io/data-classification': 'financial',
      'squad-insights.io/compliance-requirements': 'GDPR,PCI_DSS',
      'squad-insights.io/chapter': 'backend-engineering-chapter',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner },
});

const tribe = group('commerce-tribe', {
  type: 'tribe',
  profile: { displayName: 'Commerce' },
});
const chapter = group('backend-engineering-chapter', {
  type: 'chapter',
  profile: { displayName: 'Backend Engineering' },
});
const squadProfile = {
  displayName: 'Payments Squad',
  email: 'payments-squad@acme-music.example',
};

function serviceFor(entities: Entity[]) {
  return CatalogServiceProfileService.create({
    catalog: catalogServiceMock({ entities }),
  });
}

const ref = {
  kind: 'component',
  namespace: 'default',
  name: 'payment-processing',
};
const credentials = mockCredentials.user();

describe('CatalogServiceProfileService', () => {
  it('resolves the squad, its tribe, the chapter and the contacts named on the squad', async () => {
    const squad = group(
      'payments-squad',
      { type: 'squad', parent: 'commerce-tribe', profile: squadProfile },
      {
        'squad-insights.io/technical-contact':
          'maja.eriksson, user:default/johan.karlsson',
        'squad-insights.io/business-contact':
          'karin.nilsson@acme-music.example',
        'squad-insights.io/on-call': 'group:default/payments-squad',
      },
    );
    const profiles = serviceFor([
      service('payments-squad'),
      squad,
      tribe,
      chapter,
      user('maja.eriksson', 'Maja Eriksson'),
      user('johan.karlsson', 'Johan Karlsson'),
    ]);

    const result = await profiles.getProfile(ref, { credentials });

    expect(result.ownership.squad).toEqual({
      entityRef: 'group:default/payments-squad',
      title: 'Payments Squad',
      type: 'squad',
    });
    expect(result.ownership.tribe?.title).toBe('Commerce');
    expect(result.ownership.chapter?.entityRef).toBe(
      'group:default/backend-engineering-chapter',
    );
    expect(result.contacts).toEqual({
      technical: [
        {
          entityRef: 'user:default/maja.eriksson',
          title: 'Maja Eriksson',
          email: 'maja.eriksson@acme-music.example',
          source: 'annotation',
        },
        {
          entityRef: 'user:default/johan.karlsson',
          title: 'Johan Karlsson',
          email: 'johan.karlsson@acme-music.example',
          source: 'annotation',
        },
      ],
      business: [
        {
          title: 'karin.nilsson@acme-music.example',
          email: 'karin.nilsson@acme-music.example',
          source: 'annotation',
        },
      ],
      onCall: [
        {
          entityRef: 'group:default/payments-squad',
          title: 'Payments Squad',
          email: 'payments-squad@acme-music.example',
          source: 'annotation',
        },
      ],
    });
    expect(result.problems).toEqual([]);
  });

  it('resolves a chapter named as people write it, and checks requirements against the policy', async () => {
    const named: Entity = {
      ...service('payments-squad'),
      metadata: {
        ...service('payments-squad').metadata,
        annotations: {
          ...service('payments-squad').metadata.annotations,
          'squad-insights.io/chapter': 'Backend Engineering',
          'squad-insights.io/compliance-requirements': 'GDPR,pci-dss,SOX',
        },
      },
    };
    const squad = group('payments-squad', {
      type: 'squad',
      parent: 'commerce-tribe',
      profile: squadProfile,
    });
    const profiles = CatalogServiceProfileService.create({
      catalog: catalogServiceMock({ entities: [named, squad, tribe, chapter] }),
      requirements: ['GDPR', 'PCI_DSS', 'Svenska_Betaltjänstlagen'],
    });

    const result = await profiles.getProfile(ref, { credentials });

    expect(result.ownership.chapter?.entityRef).toBe(
      'group:default/backend-engineering-chapter',
    );
    expect(result.profile.complianceRequirements).toEqual(['GDPR', 'PCI_DSS']);
    expect(result.problems).toEqual([
      {
        annotation: 'squad-insights.io/compliance-requirements',
        message:
          'unknown compliance requirement "SOX"; the compliance policy defines GDPR, PCI_DSS, Svenska_Betaltjänstlagen',
      },
    ]);
  });

  it("falls back to the squad's address for roles nobody is named for", async () => {
    const squad = group(
      'payments-squad',
      { type: 'squad', parent: 'commerce-tribe', profile: squadProfile },
      {
        'squad-insights.io/on-call': 'johan.karlsson',
      },
    );
    const profiles = serviceFor([
      service('payments-squad'),
      squad,
      tribe,
      user('johan.karlsson', 'Johan Karlsson'),
    ]);

    const { contacts } = await profiles.getProfile(ref, { credentials });

    const squadAddress = {
      entityRef: 'group:default/payments-squad',
      title: 'Payments Squad',
      email: 'payments-squad@acme-music.example',
      source: 'squad-email',
    };
    expect(contacts?.technical).toEqual([squadAddress]);
    expect(contacts?.business).toEqual([squadAddress]);
    expect(contacts?.onCall.map(c => c.entityRef)).toEqual([
      'user:default/johan.karlsson',
    ]);
  });

  it('reports contacts that are not in the catalog or not refs at all, instead of linking nowhere', async () => {
    const squad = group(
      'payments-squad',
      { type: 'squad', profile: squadProfile },
      {
        'squad-insights.io/technical-contact': 'user:default/left.company',
        'squad-insights.io/business-contact': 'component:',
      },
    );
    const profiles = serviceFor([service('payments-squad'), squad]);

    const { contacts, problems } = await profiles.getProfile(ref, {
      credentials,
    });

    expect(problems).toEqual([
      {
        annotation: 'squad-insights.io/business-contact',
        message:
          'group:default/payments-squad names "component:", which is neither an e-mail address nor an entity ref',
      },
      {
        annotation: 'squad-insights.io/technical-contact',
        message:
          'group:default/payments-squad names user:default/left.company, which is not a User or Group in the catalog',
      },
    ]);
    // Nobody valid was named, so the squad's own address is the contact.
    expect(contacts?.technical.map(c => c.source)).toEqual(['squad-email']);
  });

  it('has no contacts for a service whose owner is not in the catalog, and none to fall back on without an address', async () => {
    const withoutOwner = await serviceFor([service('ghost-squad')]).getProfile(
      ref,
      { credentials },
    );
    expect(withoutOwner.contacts).toBeUndefined();

    const silent = group('payments-squad', {
      type: 'squad',
      profile: { displayName: 'Payments Squad' },
    });
    const withoutAddress = await serviceFor([
      service('payments-squad'),
      silent,
    ]).getProfile(ref, { credentials });
    expect(withoutAddress.contacts).toEqual({
      technical: [],
      business: [],
      onCall: [],
    });
  });
});
