import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  GroupFootprintResponse,
  GroupFootprintServiceRow,
  rollupFootprints,
  ServiceFootprint,
  SQUAD_INSIGHTS_ANNOTATIONS,
  SQUAD_MODEL_GROUP_TYPES,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  AffiliationGroups,
  AffiliationType,
  AFFILIATION_TYPES,
} from './affiliationGroups';
import type { FootprintService } from './FootprintService';

/** One service of a group, worst first in {@link GroupFootprint}. @public */
export type GroupServiceRow = GroupFootprintServiceRow;

/**
 * A group's footprint: the rollup of the services a squad or tribe owns, or of those a
 * chapter's or guild's annotation names (the API's body).
 *
 * @public
 */
export type GroupFootprint = GroupFootprintResponse;

const worstFirst = <T extends { co2eKgPerDay?: number }>(a: T, b: T) =>
  (b.co2eKgPerDay ?? -1) - (a.co2eKgPerDay ?? -1);

/**
 * Rolls service footprints up to a Group: the services it owns and, for a tribe, those of
 * its child squads. Ownership comes from catalog relations (`ownedBy`, `childOf`), which the
 * catalog derives from `spec.owner` and `spec.parent` in every accepted spelling. A chapter or
 * guild owns nothing; its services are those whose `squad-insights.io/chapter` (or `guild`)
 * annotation names it, rolled up by their owning squads.
 *
 * @public
 */
export class GroupFootprintService {
  static create(options: {
    catalog: typeof catalogServiceRef.T;
    footprints: FootprintService;
  }) {
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
      throw new NotFoundError(
        `No group ${stringifyEntityRef(compound)} in the catalog`,
      );
    }
    const groupRef = stringifyEntityRef(group);
    const type = String(group.spec?.type ?? '');
    const { owners, services } = (
      AFFILIATION_TYPES as readonly string[]
    ).includes(type)
      ? await this.affiliatedServices(
          groupRef,
          type as AffiliationType,
          credentials,
        )
      : await this.ownedServices(groupRef, type, credentials);

    const rows: GroupServiceRow[] = [];
    const known: Array<{ owner: string; footprint: ServiceFootprint }> = [];
    for (const service of services) {
      const owner = ownerOf(service, owners);
      const fp = await this.footprints.getEntityFootprint(
        {
          kind: service.kind,
          namespace: service.metadata.namespace ?? 'default',
          name: service.metadata.name,
        },
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
      .map(o =>
        rollupFootprints(
          o,
          known.filter(k => k.owner === o).map(k => k.footprint),
        ),
      )
      .filter(r => r.services.length > 0);
    return {
      groupRef,
      type,
      // The group total is the sum of the owner rollups, so a tribe equals its squads.
      rollup: rollupFootprints(groupRef, byOwner),
      byOwner: byOwner.sort(worstFirst),
      services: rows.sort(worstFirst),
      unknownServices: rows.filter(r => !r.known).map(r => r.entityRef),
      stale: rows.some(r => r.stale),
    };
  }

  /** A squad's services, or a tribe's through its squads, by `ownedBy` relation. */
  private async ownedServices(
    groupRef: string,
    type: string,
    credentials: BackstageCredentials,
  ) {
    const owners = [groupRef];
    if (type === SQUAD_MODEL_GROUP_TYPES.tribe) {
      const { items } = await this.catalog.getEntities(
        {
          filter: { kind: 'Group', 'relations.childOf': groupRef },
          fields: ['kind', 'metadata'],
        },
        { credentials },
      );
      owners.push(...items.map(e => stringifyEntityRef(e)));
    }
    const { items: services } = await this.catalog.getEntities(
      {
        filter: { kind: 'Component', 'relations.ownedBy': owners },
        fields: ['kind', 'metadata', 'relations'],
      },
      { credentials },
    );
    return { owners, services };
  }

  /**
   * The components whose chapter or guild annotation names this group. The catalog cannot
   * filter on "names it loosely" (`Backend Engineering` for `backend-engineering-chapter`), so
   * it returns every component with the annotation and the same rule as the portfolio's
   * decides, which keeps the card's footprint and compliance lists the same services.
   */
  private async affiliatedServices(
    groupRef: string,
    type: AffiliationType,
    credentials: BackstageCredentials,
  ) {
    const annotation = SQUAD_INSIGHTS_ANNOTATIONS[type];
    const [groups, { items }] = await Promise.all([
      AffiliationGroups.load(this.catalog, credentials),
      this.catalog.getEntities(
        {
          filter: {
            kind: 'Component',
            [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
          },
          fields: ['kind', 'metadata', 'relations'],
        },
        { credentials },
      ),
    ]);
    const services = items.filter(
      e =>
        groups.resolve(type, e.metadata.annotations?.[annotation]) === groupRef,
    );
    // Rolled up by the squads that own them, so a guild lead sees which squads to talk to.
    const owners = [
      ...new Set(
        services.flatMap(
          e => e.relations?.find(r => r.type === 'ownedBy')?.targetRef ?? [],
        ),
      ),
    ].sort();
    return { owners: owners.length ? owners : [groupRef], services };
  }
}

function ownerOf(entity: Entity, owners: string[]): string {
  const relation = entity.relations?.find(
    r => r.type === 'ownedBy' && owners.includes(r.targetRef),
  );
  return relation?.targetRef ?? owners[0];
}
