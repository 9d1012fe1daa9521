import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import { readServiceProfile, ServiceProfile } from '../../profile';
import {
  findGroupsNamed,
  GroupIdentity,
  groupIdentityOf,
} from '../../groupNames';
import { defaultPolicy } from '../defaultPolicy';
import { mergePolicy } from '../mergePolicy';
import type { OwnershipRole } from '../ruleRuntime';
import { knownRequirements } from '../validate';
import type { InventorySource } from '../facts';
import { stateToInventory } from './stateToInventory';

/** The repository's demo data (demo/catalog, demo/terraform, demo/consul). */
export const DEMO = path.resolve(__dirname, '../../../../../demo');

function entities(file: string): Entity[] {
  const text = fs.readFileSync(path.join(DEMO, 'catalog', file), 'utf8');
  return parseAllDocuments(text)
    .map(d => d.toJS())
    .filter(Boolean);
}

export interface DemoService {
  name: string;
  profile: ServiceProfile;
  ownership: Partial<Record<OwnershipRole, GroupIdentity>>;
  inventories: InventorySource[];
}

/** The default policy as the demo portal runs it: `organization.name` is Acme Music AB. */
export function demoPolicy() {
  return mergePolicy(defaultPolicy(), {
    parameters: { organization: 'Acme Music AB' },
  });
}

/** Every group of the demo catalog, as the backend's group directory holds them. */
export function demoGroups(): GroupIdentity[] {
  return entities('org.yaml')
    .filter(e => e.kind === 'Group')
    .map(groupIdentityOf);
}

export function rawState(service: string): any {
  return JSON.parse(
    fs.readFileSync(
      path.join(DEMO, 'terraform', service, 'terraform.tfstate'),
      'utf8',
    ),
  );
}

/** Every demo service with its catalog profile, owner squad and tribe, and its state. */
export function demoServices(): DemoService[] {
  const groups = new Map(
    entities('org.yaml')
      .filter(e => e.kind === 'Group')
      .map(g => [g.metadata.name, g]),
  );
  const identities = demoGroups();
  const requirements = knownRequirements(demoPolicy());
  const identity = (name: string | undefined) => {
    const g = name && groups.get(name.replace(/^.*\//, ''));
    return g ? groupIdentityOf(g) : undefined;
  };
  const declared = (value: string | undefined, type: string) =>
    value ? findGroupsNamed(value, identities, type)[0] : undefined;
  return entities('services.yaml')
    .filter(e => e.kind === 'Component')
    .map(entity => {
      const { profile } = readServiceProfile(entity, { requirements });
      const squad = String(entity.spec?.owner).replace(/^.*\//, '');
      const tribe = groups.get(squad)?.spec?.parent as string | undefined;
      const ownership: DemoService['ownership'] = {
        squad: identity(squad),
        tribe: identity(tribe),
        chapter: declared(profile.chapter, 'chapter'),
        guild: declared(profile.guild, 'guild'),
      };
      return {
        name: entity.metadata.name,
        profile,
        ownership,
        inventories: profile.terraformStates.map(reference => {
          const key = reference.slice(reference.indexOf(':') + 1);
          const inventory = stateToInventory(
            JSON.parse(
              fs.readFileSync(path.join(DEMO, 'terraform', key), 'utf8'),
            ),
          );
          return { reference, inventory, serial: inventory.serial };
        }),
      };
    });
}

/** The demo Consul registrations as service views (the shape the -node reader builds). */
export function demoConsulViews(): Map<string, any> {
  const spec = JSON.parse(
    fs.readFileSync(path.join(DEMO, 'consul/data/services.json'), 'utf8'),
  );
  const intentions = JSON.parse(
    fs.readFileSync(path.join(DEMO, 'consul/data/intentions.json'), 'utf8'),
  );
  const views = new Map<string, any>();
  for (const s of spec.services) {
    const instances = Array.from({ length: s.instances ?? 3 }, (_, i) => {
      const o = s.overrides?.find((x: any) => x.instance === i);
      return {
        health: o?.status ?? 'passing',
        tags: s.tags,
        meta: { ...s.meta, ...o?.meta },
      };
    });
    views.set(s.name, {
      name: s.name,
      datacenter: spec.datacenter,
      instances,
      tags: s.tags,
      meta: s.meta,
      connect: { sidecar: !!s.sidecar, native: false },
      intentions: { defaultAllow: intentions.defaultAllow },
    });
  }
  return views;
}
