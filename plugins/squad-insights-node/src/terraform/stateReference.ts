import { InputError } from '@backstage/errors';

/**
 * A Terraform state named by a catalog annotation: a configured source and a key inside it.
 *
 * @public
 */
export interface StateReference {
  sourceId: string;
  key: string;
}

// Keys are paths inside a source (a file under a directory, an S3 object, a Consul KV path,
// an HCP workspace name). Only plain path characters are allowed, so nothing in a catalog
// file can name a URL, an absolute path, a parent directory or another host.
const KEY_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._=@+-]*$/;
const SOURCE_ID = /^[a-z0-9][a-z0-9_-]*$/i;

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
  const ref = reference.trim();
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
  return { sourceId, key };
}
