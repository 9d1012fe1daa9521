import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  GroupIdentity,
  groupIdentityOf,
  groupNameMatches,
  SQUAD_MODEL_GROUP_TYPES,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * The group types a service joins through an annotation rather than through `spec.owner`: its
 * engineers' chapter (`squad-insights.io/chapter`) and the guild of its practice area
 * (`squad-insights.io/guild`).
 *
 * @public
 */
export type AffiliationType =
  | typeof SQUAD_MODEL_GROUP_TYPES.chapter
  | typeof SQUAD_MODEL_GROUP_TYPES.guild;

/** @public */
export const AFFILIATION_TYPES: readonly AffiliationType[] = [
  SQUAD_MODEL_GROUP_TYPES.chapter,
  SQUAD_MODEL_GROUP_TYPES.guild,
];

/**
 * The chapter and guild groups of the catalog, for resolving the names that service
 * annotations give them.
 *
 * @public
 */
export class AffiliationGroups {
  /**
   * Reads every chapter and guild group once. One catalog query serves a whole portfolio pass:
   * chapters and guilds are a few dozen groups even in a large organisation.
   */
  static async load(
    catalog: typeof catalogServiceRef.T,
    credentials: BackstageCredentials,
  ): Promise<AffiliationGroups> {
    const { items } = await catalog.getEntities(
      {
        // `kind` before `spec.type`: some catalog implementations stop at an array value.
        filter: { kind: 'group', 'spec.type': [...AFFILIATION_TYPES] },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.title',
          'spec.type',
          'spec.profile.displayName',
        ],
      },
      { credentials },
    );
    return new AffiliationGroups(items.map(groupIdentityOf));
  }

  private readonly byType: Map<string, GroupIdentity[]>;

  constructor(groups: GroupIdentity[]) {
    this.byType = new Map();
    // Sorted by ref so that an ambiguous name resolves the same way on every pass.
    for (const g of [...groups].sort((a, b) => a.ref.localeCompare(b.ref))) {
      if (!g.type) continue;
      this.byType.set(g.type, [...(this.byType.get(g.type) ?? []), g]);
    }
  }

  /**
   * The entity ref of the `type` group that `value` names, or undefined when it names none.
   * A group whose entity name is exactly the value wins over one that only matches loosely,
   * so `sre-chapter` stays the SRE chapter even if another chapter is titled "SRE".
   */
  resolve(
    type: AffiliationType,
    value: string | undefined,
  ): string | undefined {
    if (!value?.trim()) return undefined;
    const candidates = this.byType.get(type) ?? [];
    const exact = value.trim().toLocaleLowerCase('en');
    const byName = candidates.find(g => {
      const ref = g.ref.toLocaleLowerCase('en');
      return ref === exact || ref.slice(ref.lastIndexOf('/') + 1) === exact;
    });
    return (byName ?? candidates.find(g => groupNameMatches(value, g, type)))
      ?.ref;
  }
}
