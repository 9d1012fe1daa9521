import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef, Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  GroupFootprintResponse,
  GroupFootprintServiceRow,
  rollupFootprints,
  ServiceFootprint,
  SQUAD_MODEL_GROUP_TYPES,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { FootprintService } from './FootprintService';

/** One service of a group, worst first in {@link GroupFootprint}. @public */
export type GroupServiceRow = GroupFootprintServiceRow;

/** A squad's or tribe's footprint: the rollup of the services it owns (the API's body). @public */
export type GroupFootprint = GroupFootprintResponse;

const worstFirst = <T extends { co2eKgPerDay?: number }>(a: T, b: T) =>
  (b.co2eKgPerDay ?? -1) - (a.co2eKgPerDay ?? -1);

/**
 * Rolls service footprints up to a Group: the services it owns and, for a tribe, those of
 * its child squads. Ownership comes from catalog relations (`ownedBy`, `childOf`), which the
 * catalog derives from `spec.owner` and `spec.parent` in every accepted spelling.
 *
 * @public
 */
export class GroupFootprintService {
  static create(options: { catalog: typeof catalogServiceRef.T; footprints: FootprintService }) {
    return new GroupFootprintService(options.catalog, options.footprints);
  }

  private constructor(
    private readonly catalog: typeof catalogServiceRef.T,
    private readonly footprints: FootprintService,
  ) {}

  async getGroupFootprint(
    ref: { namespace: string; name: string },
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<GroupFootprint> {
    const compound: CompoundEntityRef = { kind: 'group', ...ref };
    const group = await this.catalog.getEntityByRef(compound, { credentials });
    if (!group || group.kind !== 'Group') {
      throw new NotFoundError(`No group ${stringifyEntityRef(compound)} in the catalog`);
    }
    const groupRef = stringifyEntityRef(group);
    const owners = [groupRef];
    if (group.spec?.type === SQUAD_MODEL_GROUP_TYPES.tribe) {
      const { items } = await this.catalog.getEntities(
        { filter: { kind: 'Group', 'relations.childOf': groupRef }, fields: ['kind', 'metadata'] },
        { credentials },
      );
      owners.push(...items.map(e => stringifyEntityRef(e)));
    }
    const { items: services } = await this.catalog.getEntities(
      { filter: { kind: 'Component', 'relations.ownedBy': owners }, fields: ['kind', 'metadata', 'relations'] },
      { credentials },
    );

    const rows: GroupServiceRow[] = [];
    const known: Array<{ owner: string; footprint: ServiceFootprint }> = [];
    for (const service of services) {
      const owner = ownerOf(service, owners);
      const fp = await this.footprints.getEntityFootprint(
        { kind: service.kind, namespace: service.metadata.namespace ?? 'default', name: service.metadata.name },
        { credentials },
      );
      if (fp.footprint) known.push({ owner, footprint: fp.footprint });
      rows.push({
        entityRef: fp.entityRef,
        owner,
        kwhPerDay: fp.footprint?.kwhPerDay,
        co2eKgPerDay: fp.footprint?.co2eKgPerDay,
        carbonTaxSekPerMonth: fp.footprint?.carbonTaxSekPerMonth,
        notMadeShare: fp.footprint?.coverage.notMadeShare,
        known: Boolean(fp.footprint),
        stale: fp.stale,
        problems: fp.problems,
      });
    }
    const byOwner = owners
      .map(o => rollupFootprints(o, known.filter(k => k.owner === o).map(k => k.footprint)))
      .filter(r => r.services.length > 0);
    return {
      groupRef,
      type: String(group.spec?.type ?? ''),
      // The group total is the sum of the owner rollups, so a tribe equals its squads.
      rollup: rollupFootprints(groupRef, byOwner),
      byOwner: byOwner.sort(worstFirst),
      services: rows.sort(worstFirst),
      unknownServices: rows.filter(r => !r.known).map(r => r.entityRef),
      stale: rows.some(r => r.stale),
    };
  }
}

function ownerOf(entity: Entity, owners: string[]): string {
  const relation = entity.relations?.find(r => r.type === 'ownedBy' && owners.includes(r.targetRef));
  return relation?.targetRef ?? owners[0];
}
