import type {
  AuditorService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { SQUAD_INSIGHTS_RESOURCE_TYPE } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { JsonObject } from '@backstage/types';

/**
 * Throws NotAllowedError unless the caller holds the permission on the service's compliance
 * record. The entity ref is the resource ref, so a policy's conditions (owner, tribe,
 * framework) are applied to this service; a conditional decision comes back resolved.
 */
export async function requirePermission(
  permissions: PermissionsService,
  permission: ResourcePermission<typeof SQUAD_INSIGHTS_RESOURCE_TYPE>,
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >,
  what: string,
  resourceRef: string,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`You may not ${what} of ${resourceRef}`);
  }
}

/**
 * Runs a decision as one audit event: success with its outcome, or failure with the error
 * (refusals included, since attempted waivers matter to an auditor as much as granted ones).
 */
export async function audited<T>(
  auditor: AuditorService,
  eventId: string,
  meta: JsonObject,
  fn: () => Promise<{ result: T; meta?: JsonObject }>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    severityLevel: 'medium',
    meta,
  });
  try {
    const out = await fn();
    await event.success({ meta: out.meta });
    return out.result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

/** The group ref an entity's `spec.owner` names, in full form. */
export function ownerRef(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  return stringifyEntityRef(
    parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace,
    }),
  );
}
