import type {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { SQUAD_MODEL_GROUP_TYPES } from '@squad-insights/backstage-plugin-squad-insights-common';
import { ownerRef } from './complianceAccess';
import { directGroupsOf, groupAncestry } from './groupAncestry';

/**
 * Who may not waive a service's checks: `squad` — members of the owning group and of any
 * group nested below it; `tribe` — also everyone in the owning squad's tribe.
 *
 * @public
 */
export type SeparationOfDutiesScope = 'squad' | 'tribe';

/**
 * Why the user may not decide on the entity's checks, or undefined when nothing stands in
 * the way. Membership is what the sign-in resolver put in the user's ownership refs plus what
 * the catalog says, walked up through nested groups: someone in a sub-team of the owning
 * squad is as much an owner as someone in the squad itself.
 *
 * Reads with the plugin's own credentials: a user must not escape the rule by being unable to
 * see their own catalog entity or groups.
 */
export async function conflictOfInterest(options: {
  catalog: typeof catalogServiceRef.T;
  credentials: BackstageCredentials;
  entity: Entity;
  user: { userEntityRef: string; ownershipEntityRefs: string[] };
  scope: SeparationOfDutiesScope;
}): Promise<string | undefined> {
  const { catalog, credentials, entity, user, scope } = options;
  const entityRef = stringifyEntityRef(entity);
  // A service a person owns is theirs to defend, not to judge: `spec.owner: user:alice`, or
  // the catalog's ownedBy relation naming her, or an ownership ref her sign-in carries.
  const owners = owningRefs(entity);
  const mine = new Set(
    [user.userEntityRef, ...user.ownershipEntityRefs].map(r =>
      r.toLocaleLowerCase('en'),
    ),
  );
  if (owners.some(ref => !ref.startsWith('group:') && mine.has(ref))) {
    return `${user.userEntityRef} owns ${entityRef}`;
  }
  const owner = owners.find(ref => ref.startsWith('group:'));
  if (!owner) return undefined;
  const owning = [owner];
  if (scope === 'tribe') {
    const above = await groupAncestry(catalog, [owner], credentials);
    const tribe = [...above].find(
      ([, group]) => group?.spec?.type === SQUAD_MODEL_GROUP_TYPES.tribe,
    );
    if (tribe && tribe[0] !== owner) owning.push(tribe[0]);
  }
  const userEntity = await catalog.getEntityByRef(user.userEntityRef, {
    credentials,
  });
  const groups = await groupAncestry(
    catalog,
    [...user.ownershipEntityRefs, ...directGroupsOf(userEntity)],
    credentials,
  );
  const memberOf = new Set(
    [...groups.keys()].map(r => r.toLocaleLowerCase('en')),
  );
  const conflicting = owning.find(ref =>
    memberOf.has(ref.toLocaleLowerCase('en')),
  );
  if (!conflicting) return undefined;
  const via = conflicting === owner ? '' : `the tribe ${conflicting} of `;
  return `${user.userEntityRef} is a member of ${via}${owner}, which owns ${entityRef}`;
}

/**
 * The owners of an entity in full, lower-case form: `spec.owner` (a bare name is a group, as
 * the catalog reads it) and the catalog's `ownedBy` relations, which say the same once the
 * catalog has processed the entity, whatever spelling the file used.
 */
function owningRefs(entity: Entity): string[] {
  const declared = ownerRef(entity);
  const related = (entity.relations ?? [])
    .filter(r => r.type === 'ownedBy')
    .map(r => r.targetRef);
  return [
    ...new Set(
      [...(declared ? [declared] : []), ...related].map(r =>
        r.toLocaleLowerCase('en'),
      ),
    ),
  ];
}

/**
 * Re-checks decisions already made when they are applied: a waiver or attestation whose
 * author has since joined the owning squad (or whose service has moved to the author's squad)
 * no longer counts. Returns, per author in conflict now, why. Membership is the catalog's
 * alone here: the author's sign-in is long gone.
 */
export async function authorsInConflict(options: {
  catalog: typeof catalogServiceRef.T;
  auth: AuthService;
  entityRef: string;
  authors: string[];
  scope?: SeparationOfDutiesScope;
}): Promise<Map<string, string>> {
  const conflicts = new Map<string, string>();
  const authors = [...new Set(options.authors)];
  if (!authors.length) return conflicts;
  const credentials = await options.auth.getOwnServiceCredentials();
  const entity = await options.catalog.getEntityByRef(options.entityRef, {
    credentials,
  });
  if (!entity) return conflicts;
  for (const author of authors) {
    const conflict = await conflictOfInterest({
      catalog: options.catalog,
      credentials,
      entity,
      user: { userEntityRef: author, ownershipEntityRefs: [author] },
      scope: options.scope ?? 'squad',
    });
    if (conflict) conflicts.set(author, conflict);
  }
  return conflicts;
}

/**
 * Throws NotAllowedError when the user may not make a decision about the entity's checks by
 * {@link conflictOfInterest}, unless self decisions are allowed. Shared by waivers and
 * attestations, so both apply the rule identically; `action` completes the message, e.g.
 * `waive its checks`.
 */
export async function assertSeparationOfDuties(options: {
  catalog: typeof catalogServiceRef.T;
  auth: AuthService;
  userInfo: UserInfoService;
  entity: Entity;
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  allowSelf: boolean;
  scope?: SeparationOfDutiesScope;
  action: string;
}): Promise<void> {
  if (options.allowSelf) return;
  const conflict = await conflictOfInterest({
    catalog: options.catalog,
    credentials: await options.auth.getOwnServiceCredentials(),
    entity: options.entity,
    user: await options.userInfo.getUserInfo(options.credentials),
    scope: options.scope ?? 'squad',
  });
  if (conflict) {
    throw new NotAllowedError(
      `Separation of duties: ${conflict}, and may not ${options.action}`,
    );
  }
}
