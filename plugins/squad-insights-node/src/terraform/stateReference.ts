import { InputError } from '@backstage/errors';
import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * A Terraform state named by a catalog annotation: a configured source and a key inside it.
 *
 * @public
 */
export interface StateReference {
  sourceId: string;
  key: string;
  /**
   * A module instance of a state that several services share (the design document's
   * `module "squad_microservice" { for_each = local.squad_services }`): only its resources are
   * the service's. From `<source-id>:<key>#module.squad_microservice["payment-processing"]`.
   */
  module?: string;
}

// Keys are paths inside a source (a file under a directory, an S3 object, a Consul KV path,
// an HCP workspace name). Only plain path characters are allowed, so nothing in a catalog
// file can name a URL, an absolute path, a parent directory or another host.
const KEY_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._=@+-]*$/;
const SOURCE_ID = /^[a-z0-9][a-z0-9_-]*$/i;
// A module instance address as Terraform writes it: module.a, module.a[0], module.a["k"].module.b.
const MODULE_STEP = String.raw`module\.[A-Za-z_][A-Za-z0-9_-]*(?:\[(?:\d+|"[^"\\]*")\])?`;
const MODULE_ADDRESS = new RegExp(`^${MODULE_STEP}(?:\\.${MODULE_STEP})*$`);

/**
 * The longest reference accepted: what the portal's storage holds (`varchar(512)` columns).
 * Checked here, before anything is read or written, so an overlong annotation is that
 * entity's problem instead of a database error that would stop the ingestion of every state.
 *
 * @public
 */
export const MAX_STATE_REFERENCE_LENGTH = 512;

/**
 * Parses a `<source-id>:<key>` reference from the `squad-insights.io/terraform-state`
 * annotation. Catalog files are written by anyone, so the reference may only select one of
 * the sources the operator configured; it is refused before anything is read.
 *
 * @public
 */
export function parseStateReference(
  reference: string,
  options: { sourceIds: Iterable<string> },
): StateReference {
  const trimmed = reference.trim();
  if (trimmed.length > MAX_STATE_REFERENCE_LENGTH) {
    // Quoting only the start: the annotation may be arbitrarily long.
    throw new InputError(
      `Terraform state reference "${trimmed.slice(0, 40)}…" is ${
        trimmed.length
      } characters long; at most ${MAX_STATE_REFERENCE_LENGTH} are allowed`,
    );
  }
  const hash = trimmed.indexOf('#');
  const ref = hash < 0 ? trimmed : trimmed.slice(0, hash);
  const module = hash < 0 ? undefined : trimmed.slice(hash + 1);
  if (module !== undefined && !MODULE_ADDRESS.test(module)) {
    throw new InputError(
      `Terraform state reference "${reference}" selects "${module}", which is not a module instance address (e.g. module.squad_microservice["payment-processing"])`,
    );
  }
  const colon = ref.indexOf(':');
  if (colon <= 0) {
    throw new InputError(
      `Terraform state reference "${reference}" must look like <source-id>:<key>`,
    );
  }
  const sourceId = ref.slice(0, colon);
  const key = ref.slice(colon + 1);
  const known = [...options.sourceIds];

  if (!SOURCE_ID.test(sourceId) || !known.includes(sourceId)) {
    const configured = known.length
      ? `configured: ${known.join(', ')}`
      : 'no sources are configured';
    throw new InputError(
      `Terraform state reference "${reference}" names source "${sourceId}", which is not configured (${configured})`,
    );
  }
  if (key.includes('://')) {
    throw new InputError(
      `Terraform state reference "${reference}" contains a URL; only a key inside source "${sourceId}" is allowed`,
    );
  }
  if (key.startsWith('/') || key.startsWith('\\') || /^[A-Za-z]:/.test(key)) {
    throw new InputError(
      `Terraform state reference "${reference}" uses an absolute path; keys are relative to source "${sourceId}"`,
    );
  }
  const segments = key.split('/');
  for (const segment of segments) {
    if (segment === '..' || segment === '.') {
      throw new InputError(
        `Terraform state reference "${reference}" may not contain "${segment}" path segments`,
      );
    }
    if (!KEY_SEGMENT.test(segment)) {
      throw new InputError(
        `Terraform state reference "${reference}" has an invalid key "${key}": use letters, digits and . _ - = @ + separated by /`,
      );
    }
  }
  return module ? { sourceId, key, module } : { sourceId, key };
}

/**
 * Whether a resource at `module` (its module path, absent for the root module) belongs to the
 * module instance a reference selects: that instance or a module nested in it.
 *
 * @public
 */
export function inSelectedModule(
  selected: string | undefined,
  module: string | undefined,
): boolean {
  if (!selected) return true;
  return module === selected || (!!module && module.startsWith(`${selected}.`));
}

/**
 * The part of a shared state that a reference selects (`#module.x["y"]`): that module
 * instance's resources. The root outputs describe the whole state, not one service, so they are
 * left out with the other services' resources.
 *
 * @public
 */
export function selectStateModule(
  inventory: StateInventory,
  module: string | undefined,
): StateInventory {
  if (!module) return inventory;
  return {
    ...inventory,
    resources: inventory.resources.filter(r =>
      inSelectedModule(module, r.module),
    ),
    outputs: {},
  };
}
