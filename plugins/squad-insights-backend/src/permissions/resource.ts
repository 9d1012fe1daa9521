import type { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import {
  readServiceProfile,
  SQUAD_INSIGHTS_RESOURCE_TYPE,
  SQUAD_MODEL_GROUP_TYPES,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { ownerRef } from '../services/complianceAccess';
import { groupAncestry } from '../services/groupAncestry';

/**
 * A service's compliance record as the permission rules see it: the squad-model facts that
 * decide who may act on it, resolved from the catalog when a conditional decision is applied.
 *
 * @public
 */
export interface ComplianceRecordResource {
  /** The service's entity ref, the resource ref of every Squad Insights permission. */
  entityRef: string;
  /** The owner's ref (a group, or a user) and every group above it: squad, tribe, organisation. */
  owners: string[];
  /** The owning squad's tribe, when the owner sits below a group of type `tribe`. */
  tribe?: string;
  /** The tribe and every group below it: belonging to any of them is belonging to the tribe. */
  tribeGroups: string[];
  /** The frameworks the service declares in `squad-insights.io/compliance-requirements`. */
  frameworks: string[];
}

/**
 * The query form of a rule: a predicate over loaded records. Records are judged one at a time
 * (no route lists them through a permission query), so an in-memory filter is all a caller
 * needs.
 *
 * @public
 */
export type ComplianceRecordFilter = (
  record: ComplianceRecordResource,
) => boolean;

/**
 * The permission resource ref of a compliance record.
 *
 * @public
 */
export const complianceRecordResourceRef = createPermissionResourceRef<
  ComplianceRecordResource,
  ComplianceRecordFilter
>().with({
  pluginId: 'squad-insights',
  resourceType: SQUAD_INSIGHTS_RESOURCE_TYPE,
});

/** Deeper than any real organisation chart; only a bound against a broken catalog. */
const MAX_LEVELS = 20;

/** The group and every group below it, walking `parentOf` relations down level by level. */
async function groupAndDescendants(
  catalog: typeof catalogServiceRef.T,
  root: string,
  credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
): Promise<string[]> {
  const seen = new Set<string>([root]);
  let level = [root];
  for (let depth = 0; level.length && depth < MAX_LEVELS; depth++) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: level, fields: ['relations'] },
      { credentials },
    );
    level = items
      .flatMap(g =>
        (g?.relations ?? [])
          .filter(r => r.type === 'parentOf')
          .map(r => r.targetRef),
      )
      .filter(ref => !seen.has(ref));
    level.forEach(ref => seen.add(ref));
  }
  return [...seen];
}

/**
 * Loads compliance records for the permission framework's conditional decisions. Reads the
 * catalog with the plugin's own credentials: whether the caller may see the entity is the
 * catalog's decision at the route, and a rule must judge the service's real owner.
 * An unknown or malformed ref loads as undefined, which the framework treats as denied.
 */
export function createComplianceRecordLoader(deps: {
  catalog: typeof catalogServiceRef.T;
  auth: AuthService;
}): (refs: string[]) => Promise<Array<ComplianceRecordResource | undefined>> {
  return async refs => {
    const credentials = await deps.auth.getOwnServiceCredentials();
    const parsed = refs.map(ref => {
      try {
        return stringifyEntityRef(parseEntityRef(ref));
      } catch {
        return undefined;
      }
    });
    const wanted = parsed.filter((r): r is string => Boolean(r));
    const { items } = await deps.catalog.getEntitiesByRefs(
      { entityRefs: wanted },
      { credentials },
    );
    const byRef = new Map<string, Entity | undefined>(
      wanted.map((r, i) => [r, items[i]]),
    );
    return Promise.all(
      parsed.map(async ref => {
        const entity = ref ? byRef.get(ref) : undefined;
        return entity
          ? toResource(deps.catalog, entity, credentials)
          : undefined;
      }),
    );
  };
}

async function toResource(
  catalog: typeof catalogServiceRef.T,
  entity: Entity,
  credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
): Promise<ComplianceRecordResource> {
  const owner = ownerRef(entity);
  const ancestry = owner
    ? await groupAncestry(catalog, [owner], credentials)
    : new Map();
  const tribe = [...ancestry].find(
    ([, g]) => g?.spec?.type === SQUAD_MODEL_GROUP_TYPES.tribe,
  )?.[0];
  return {
    entityRef: stringifyEntityRef(entity),
    owners: owner ? [...new Set([owner, ...ancestry.keys()])] : [],
    tribe,
    tribeGroups: tribe
      ? await groupAndDescendants(catalog, tribe, credentials)
      : [],
    frameworks: readServiceProfile(entity).profile.complianceRequirements,
  };
}
