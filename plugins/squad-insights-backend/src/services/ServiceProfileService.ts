import {
  BackstageCredentials,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  readServiceProfile,
  ServiceOwnership,
  ServiceProfileResponse,
  SQUAD_MODEL_GROUP_TYPES,
  GroupSummary,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * Answers who owns a service in the squad model and what it declares about itself.
 *
 * @public
 */
export interface ServiceProfileService {
  getProfile(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<ServiceProfileResponse>;
}

type Catalog = typeof catalogServiceRef.T;

function summary(entity: Entity): GroupSummary {
  const profile = (entity.spec?.profile ?? {}) as { displayName?: string };
  return {
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? profile.displayName ?? entity.metadata.name,
    type: String(entity.spec?.type ?? ''),
  };
}

/**
 * Reads the entity and the groups around it from the catalog, with the caller's
 * credentials so that catalog permissions apply.
 *
 * @public
 */
export class CatalogServiceProfileService implements ServiceProfileService {
  static create(options: { catalog: Catalog }) {
    return new CatalogServiceProfileService(options.catalog);
  }

  private constructor(private readonly catalog: Catalog) {}

  async getProfile(
    entityRef: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<ServiceProfileResponse> {
    const entity = await this.catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${stringifyEntityRef(entityRef)} in the catalog`);
    }
    const { profile, problems } = readServiceProfile(entity);
    const group = async (ref: string | undefined) => {
      if (!ref) return undefined;
      const found = await this.catalog.getEntityByRef(
        parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: entity.metadata.namespace }),
        { credentials },
      );
      return found?.kind === 'Group' ? found : undefined;
    };

    const owner = await group(entity.spec?.owner as string | undefined);
    const ownership: ServiceOwnership = {};
    if (owner?.spec?.type === SQUAD_MODEL_GROUP_TYPES.squad) {
      ownership.squad = summary(owner);
      const parent = await group(owner.spec?.parent as string | undefined);
      if (parent?.spec?.type === SQUAD_MODEL_GROUP_TYPES.tribe) {
        ownership.tribe = summary(parent);
      }
    } else if (owner?.spec?.type === SQUAD_MODEL_GROUP_TYPES.tribe) {
      ownership.tribe = summary(owner);
    } else if (owner) {
      ownership.team = summary(owner);
    }
    const chapter = await group(profile.chapter);
    if (chapter) ownership.chapter = summary(chapter);
    const guild = await group(profile.guild);
    if (guild) ownership.guild = summary(guild);

    return { entityRef: stringifyEntityRef(entity), profile, problems, ownership };
  }
}

/** @public */
export const serviceProfileServiceRef = createServiceRef<ServiceProfileService>({
  id: 'squad-insights.service-profile',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { catalog: catalogServiceRef },
      factory: ({ catalog }) => CatalogServiceProfileService.create({ catalog }),
    }),
});
