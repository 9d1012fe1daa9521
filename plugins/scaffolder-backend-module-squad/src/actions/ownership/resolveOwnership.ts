import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { SQUAD_MODEL_GROUP_TYPES } from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  contactsOf,
  githubTeamOf,
  iacRepositoryOf,
  summarize,
} from './readGroup';
import { examples } from './resolveOwnership.examples';

type GroupType = keyof typeof SQUAD_MODEL_GROUP_TYPES;

/** Reads groups of the squad model from the catalog, as the user who runs the template. */
class GroupReader {
  constructor(
    private readonly catalog: CatalogService,
    private readonly credentials: BackstageCredentials,
  ) {}

  /** The group `ref` names (`field` says which input or relation, for the message), of `type`. */
  async read(
    ref: string,
    type: GroupType,
    field: string,
    defaultNamespace = 'default',
  ): Promise<Entity> {
    let compound: CompoundEntityRef;
    try {
      compound = parseEntityRef(ref, {
        defaultKind: 'group',
        defaultNamespace,
      });
    } catch (e) {
      throw new InputError(
        `${field} "${ref}" is not an entity reference: ${(e as Error).message}`,
      );
    }
    const canonical = stringifyEntityRef(compound);
    if (compound.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new InputError(
        `${field} must be a ${type} (a Group), but ${canonical} is a ${compound.kind}`,
      );
    }
    const group = await this.catalog.getEntityByRef(compound, {
      credentials: this.credentials,
    });
    if (!group) {
      throw new NotFoundError(
        `${field}: there is no group ${canonical} in the catalog (or you may not see it)`,
      );
    }
    const actual = group.spec?.type;
    if (actual !== SQUAD_MODEL_GROUP_TYPES[type]) {
      throw new InputError(
        `${field} must be a group of spec.type ${type}, but ${canonical} is ${
          actual ? `of spec.type ${String(actual)}` : 'of no spec.type'
        }`,
      );
    }
    return group;
  }

  /**
   * The display name of the organisation above `tribe` (its `spec.parent`, of spec.type
   * organization), for when app-config has no `organization.name`.
   */
  async organizationOf(tribe: Entity): Promise<string> {
    const tribeRef = stringifyEntityRef(tribe);
    const hint =
      "set organization.name in app-config.yaml, or make the tribe's spec.parent a group of spec.type organization";
    const parent = tribe.spec?.parent;
    if (typeof parent !== 'string' || !parent) {
      throw new InputError(
        `No organisation name for the Organization tag: the tribe ${tribeRef} has no spec.parent; ${hint}`,
      );
    }
    const org = await this.catalog.getEntityByRef(
      parseEntityRef(parent, {
        defaultKind: 'group',
        defaultNamespace: tribe.metadata.namespace ?? 'default',
      }),
      { credentials: this.credentials },
    );
    if (!org || org.spec?.type !== 'organization') {
      throw new InputError(
        `No organisation name for the Organization tag: the parent ${parent} of the tribe ${tribeRef} is ${
          org
            ? `of spec.type ${String(org.spec?.type ?? 'none')}`
            : 'not in the catalog'
        }; ${hint}`,
      );
    }
    return summarize(org).title;
  }
}

/**
 * Creates the `squad:ownership:resolve` action: from the squad chosen in the template, the
 * tribe it belongs to (its `spec.parent`), the chapter and guild if chosen, the GitHub teams,
 * the contacts and the squad's IaC repository, read from the catalog with the credentials of
 * the user who runs the template. Each group comes with its display name (`title`: the
 * group's `metadata.title`, else `spec.profile.displayName`), which the template writes into
 * the Squad, Tribe, Chapter and Guild tags, and the organisation's name for the Organization
 * tag. It only reads, so a dry run does the same as a real run.
 *
 * @param options - `catalog`: the catalog service (`catalogServiceRef`); `organizationName`:
 *   Backstage's `organization.name`, the name the portal expects in the Organization tag. Without
 *   it the display name of the tribe's parent group of `spec.type` organization is used.
 * @public
 */
export function createResolveOwnershipAction(options: {
  catalog: CatalogService;
  organizationName?: string;
}) {
  return createTemplateAction({
    id: 'squad:ownership:resolve',
    description:
      "Resolves a squad's tribe, chapter, guild, GitHub teams, contacts and IaC repository from the catalog; fails when the group is not a squad or has no tribe",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        squad: z =>
          z
            .string()
            .describe(
              'Entity ref of the owning squad, e.g. group:default/payments-squad',
            ),
        chapter: z =>
          z
            .string()
            .optional()
            .describe('Entity ref of a group of spec.type chapter'),
        guild: z =>
          z
            .string()
            .optional()
            .describe('Entity ref of a group of spec.type guild'),
        service: z =>
          z
            .string()
            .optional()
            .describe(
              "The new service's name: the key of its entry in the squad's services map",
            ),
      },
      output: {
        squad: z =>
          z.object({
            ref: z.string(),
            name: z.string(),
            title: z.string(),
            githubTeam: z.string(),
          }),
        tribe: z =>
          z.object({
            ref: z.string(),
            name: z.string(),
            title: z.string(),
            githubTeam: z.string(),
          }),
        chapter: z =>
          z
            .object({ ref: z.string(), name: z.string(), title: z.string() })
            .optional(),
        guild: z =>
          z
            .object({ ref: z.string(), name: z.string(), title: z.string() })
            .optional(),
        organization: z =>
          z
            .string()
            .describe(
              "The organisation's name for the Organization tag (organization.name in app-config)",
            ),
        contacts: z =>
          z
            .object({
              technical: z.string().optional(),
              business: z.string().optional(),
              onCall: z.string().optional(),
            })
            .describe(
              "User or group refs, or emails; the squad's email when none is annotated",
            ),
        iacRepository: z =>
          z
            .object({
              owner: z.string(),
              repo: z.string(),
              path: z.string(),
              stateReference: z.string(),
              module: z.string(),
            })
            .optional()
            .describe(
              'The squad’s Terraform repository with the services map, when it keeps one',
            ),
      },
    },
    async handler(ctx) {
      const groups = new GroupReader(
        options.catalog,
        await ctx.getInitiatorCredentials(),
      );

      const squad = await groups.read(ctx.input.squad, 'squad', 'squad');
      const squadRef = stringifyEntityRef(squad);
      const parent = squad.spec?.parent;
      if (typeof parent !== 'string' || !parent) {
        throw new InputError(
          `The squad ${squadRef} belongs to no tribe: set its spec.parent to its tribe's group in the catalog`,
        );
      }
      const tribe = await groups.read(
        parent,
        'tribe',
        `The parent of the squad ${squadRef}`,
        squad.metadata.namespace,
      );

      // EntityPicker leaves an unanswered optional field as an empty string.
      const chapter = ctx.input.chapter?.trim()
        ? await groups.read(ctx.input.chapter, 'chapter', 'chapter')
        : undefined;
      const guild = ctx.input.guild?.trim()
        ? await groups.read(ctx.input.guild, 'guild', 'guild')
        : undefined;
      const iacRepository = iacRepositoryOf(
        squad,
        ctx.input.service?.trim() || undefined,
      );
      const organization =
        options.organizationName?.trim() ||
        (await groups.organizationOf(tribe));

      ctx.logger.info(
        `${squadRef} belongs to ${stringifyEntityRef(tribe)}${
          iacRepository
            ? `; its services live in ${iacRepository.owner}/${iacRepository.repo}:${iacRepository.path}`
            : ''
        }`,
      );
      ctx.output('squad', {
        ...summarize(squad),
        githubTeam: githubTeamOf(squad),
      });
      ctx.output('tribe', {
        ...summarize(tribe),
        githubTeam: githubTeamOf(tribe),
      });
      if (chapter) ctx.output('chapter', summarize(chapter));
      if (guild) ctx.output('guild', summarize(guild));
      ctx.output('organization', organization);
      ctx.output('contacts', contactsOf(squad));
      if (iacRepository) ctx.output('iacRepository', iacRepository);
    },
  });
}
