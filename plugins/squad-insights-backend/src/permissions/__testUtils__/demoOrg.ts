import type { Entity } from '@backstage/catalog-model';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

const catalogDir = resolve(__dirname, '../../../../../demo/catalog');

const full = (ref: string, kind: string, namespace: string) =>
  stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: kind, defaultNamespace: namespace }),
  );

/**
 * The demo organisation and services (demo/catalog) with the relations the catalog would derive
 * (childOf/parentOf, memberOf/hasMember, ownedBy), since the mock catalog processes nothing.
 */
export function demoCatalog(): Entity[] {
  const entities = ['org.yaml', 'services.yaml'].flatMap(file =>
    parseAllDocuments(readFileSync(resolve(catalogDir, file), 'utf8'))
      .map(d => d.toJS() as Entity)
      .filter(e => e && e.kind),
  );
  const byRef = new Map(
    entities.map(e => [
      stringifyEntityRef(e),
      { ...e, relations: [] as Entity['relations'] },
    ]),
  );
  const relate = (from: string, type: string, to: string) =>
    byRef.get(from)?.relations!.push({ type, targetRef: to });
  for (const [ref, e] of byRef) {
    const ns = e.metadata.namespace ?? 'default';
    if (e.kind === 'Group' && typeof e.spec?.parent === 'string') {
      const parent = full(e.spec.parent, 'group', ns);
      relate(ref, 'childOf', parent);
      relate(parent, 'parentOf', ref);
    }
    if (e.kind === 'User') {
      for (const g of (e.spec?.memberOf as string[] | undefined) ?? []) {
        const group = full(g, 'group', ns);
        relate(ref, 'memberOf', group);
        relate(group, 'hasMember', ref);
      }
    }
    if (typeof e.spec?.owner === 'string')
      relate(ref, 'ownedBy', full(e.spec.owner, 'group', ns));
  }
  return [...byRef.values()];
}

/**
 * Ownership refs as the catalog sign-in resolver gives them: the user and their direct groups.
 * The tribe above a squad is not among them; the rules find it from the service's side.
 */
export function ownershipRefs(entities: Entity[], userRef: string): string[] {
  const user = entities.find(e => stringifyEntityRef(e) === userRef);
  const groups = (user?.relations ?? [])
    .filter(r => r.type === 'memberOf')
    .map(r => r.targetRef);
  return [userRef, ...groups];
}
