import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { callerCachedCatalog } from './callerCachedCatalog';
import { NotFoundError } from '@backstage/errors';
import { AffiliationGroups, AffiliationType } from './affiliationGroups';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readCompliancePolicy } from '@squad-insights/backstage-plugin-squad-insights-node';
import {
  AnnotationProblem,
  knownRequirements,
  readServiceProfile,
  ServiceContact,
  ServiceContacts,
  ServiceOwnership,
  ServiceProfileResponse,
  SQUAD_GROUP_ANNOTATIONS,
  SQUAD_MODEL_GROUP_TYPES,
  GroupSummary,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/** The squad Group annotations naming each kind of contact. */
const SQUAD_CONTACT_ANNOTATIONS = {
  technical: SQUAD_GROUP_ANNOTATIONS.technicalContact,
  business: SQUAD_GROUP_ANNOTATIONS.businessContact,
  onCall: SQUAD_GROUP_ANNOTATIONS.onCall,
} as const;

// Deliberately loose: it only has to tell an address from an entity ref, which has no `@`.
const EMAIL = /^[^\s@:/]+@[^\s@]+\.[^\s@]+$/;

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

type ContactEntry = { email: string } | { ref: string };

type Profile = { displayName?: string; email?: string };

function summary(entity: Entity): GroupSummary {
  const profile = (entity.spec?.profile ?? {}) as Profile;
  return {
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? profile.displayName ?? entity.metadata.name,
    type: String(entity.spec?.type ?? ''),
  };
}

function contactOf(entity: Entity): ServiceContact {
  const profile = (entity.spec?.profile ?? {}) as Profile;
  return {
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? profile.displayName ?? entity.metadata.name,
    email: profile.email,
    source: 'annotation',
  };
}

/**
 * Reads the entity and the groups around it from the catalog, with the caller's
 * credentials so that catalog permissions apply.
 *
 * @public
 */
export class CatalogServiceProfileService implements ServiceProfileService {
  /**
   * @param options - `requirements`: the compliance requirements the policy defines
   *   (`knownRequirements(policy)`), so that an annotation naming another is reported.
   */
  static create(options: {
    catalog: Catalog;
    requirements?: readonly string[];
  }) {
    return new CatalogServiceProfileService(
      options.catalog,
      options.requirements,
    );
  }

  private constructor(
    private readonly catalog: Catalog,
    private readonly requirements?: readonly string[],
  ) {}

  async getProfile(
    entityRef: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<ServiceProfileResponse> {
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(entityRef)} in the catalog`,
      );
    }
    const { profile, problems } = readServiceProfile(entity, {
      requirements: this.requirements,
    });
    const group = async (ref: string | undefined) => {
      if (!ref) return undefined;
      const found = await this.catalog
        .getEntityByRef(
          parseEntityRef(ref, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata.namespace,
          }),
          { credentials },
        )
        .catch(() => undefined);
      return found?.kind === 'Group' ? found : undefined;
    };
    // Chapter and guild annotations name the group as people do ("Backend Engineering"); the
    // portfolio resolves them by the same rule (AffiliationGroups).
    let affiliations: AffiliationGroups | undefined;
    const declared = async (
      value: string | undefined,
      type: AffiliationType,
    ) => {
      if (!value) return undefined;
      affiliations ??= await AffiliationGroups.load(this.catalog, credentials);
      return group(affiliations.resolve(type, value));
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
    const chapter = await declared(profile.chapter, 'chapter');
    if (chapter) ownership.chapter = summary(chapter);
    const guild = await declared(profile.guild, 'guild');
    if (guild) ownership.guild = summary(guild);

    const contacts = owner
      ? await this.contacts(owner, problems, credentials)
      : undefined;
    return {
      entityRef: stringifyEntityRef(entity),
      profile,
      problems,
      ownership,
      contacts,
    };
  }

  /**
   * Resolves the owner's contact annotations. A ref that names no User or Group in the
   * catalog is reported as a problem rather than shown as a dead link; a role left empty
   * falls back to the squad's own address, so every role has someone to write to.
   */
  private async contacts(
    owner: Entity,
    problems: AnnotationProblem[],
    credentials: BackstageCredentials,
  ): Promise<ServiceContacts> {
    const ownerRef = stringifyEntityRef(owner);
    const namespace = owner.metadata.namespace ?? 'default';
    const annotations = owner.metadata.annotations ?? {};
    const named = (
      Object.keys(SQUAD_CONTACT_ANNOTATIONS) as Array<keyof ServiceContacts>
    ).map(role => {
      const annotation = SQUAD_CONTACT_ANNOTATIONS[role];
      const values = (annotations[annotation] ?? '')
        .split(',')
        .map(v => v.trim())
        .filter(Boolean);
      const entries = values.flatMap((value): ContactEntry[] => {
        if (EMAIL.test(value)) return [{ email: value }];
        try {
          const ref = parseEntityRef(value, {
            defaultKind: 'user',
            defaultNamespace: namespace,
          });
          return [{ ref: stringifyEntityRef(ref) }];
        } catch {
          problems.push({
            annotation,
            message: `${ownerRef} names "${value}", which is neither an e-mail address nor an entity ref`,
          });
          return [];
        }
      });
      return { role, annotation, entries };
    });

    const refs = [
      ...new Set(
        named.flatMap(n => n.entries.flatMap(e => ('ref' in e ? [e.ref] : []))),
      ),
    ];
    const found = new Map<string, Entity>();
    if (refs.length > 0) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: refs },
        { credentials },
      );
      items.forEach((item, i) => {
        if (item && (item.kind === 'User' || item.kind === 'Group'))
          found.set(refs[i], item);
      });
    }

    const squadEmail = ((owner.spec?.profile ?? {}) as Profile).email;
    const fallback: ServiceContact[] = squadEmail
      ? [
          {
            entityRef: ownerRef,
            title: summary(owner).title,
            email: squadEmail,
            source: 'squad-email',
          },
        ]
      : [];
    const contacts: ServiceContacts = {
      technical: [],
      business: [],
      onCall: [],
    };
    for (const { role, annotation, entries } of named) {
      const resolved = entries.flatMap((e): ServiceContact[] => {
        if ('email' in e)
          return [{ title: e.email, email: e.email, source: 'annotation' }];
        const user = found.get(e.ref);
        if (!user) {
          problems.push({
            annotation,
            message: `${ownerRef} names ${e.ref}, which is not a User or Group in the catalog`,
          });
          return [];
        }
        return [contactOf(user)];
      });
      contacts[role] = resolved.length > 0 ? resolved : fallback;
    }
    return contacts;
  }
}

/** @public */
export const serviceProfileServiceRef = createServiceRef<ServiceProfileService>(
  {
    id: 'squad-insights.service-profile',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { catalog: catalogServiceRef, config: coreServices.rootConfig },
        factory: ({ catalog, config }) =>
          CatalogServiceProfileService.create({
            // Up to six lookups per profile (entity, owner, tribe, chapter, guild, contacts),
            // asked again by each card of the page: remembered per caller for a few seconds.
            catalog: callerCachedCatalog(catalog),
            requirements: knownRequirements(readCompliancePolicy(config)),
          }),
      }),
  },
);
