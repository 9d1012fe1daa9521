import { isRecord } from './shape';
import { StateShapeError } from './StateParseError';

/**
 * What a document is, decided from its top-level fields.
 *
 * @internal
 */
export type DocumentKind =
  | { kind: 'state'; version: 1 | 2 | 3 | 4 }
  | { kind: 'backend-config' }
  | { kind: 'show-json'; plan: boolean };

// Fields only a plan has; a plan's state is its `prior_state`.
const PLAN_FIELDS = ['prior_state', 'planned_values', 'resource_changes'];

/**
 * Decides the format the way Terraform's `statefile.Read` does, plus the documents Terraform
 * writes elsewhere: `show -json` output and plans, backend-config state, OpenTofu's encrypted
 * envelope. Only the version is checked, not `terraform_version`: Terraform reads states
 * written by newer Terraform releases as long as the format version is known.
 *
 * @param hasLegacyResources - whether any format 1–3 module holds a resource; a
 *   `.terraform/terraform.tfstate` holds a backend configuration and none.
 * @internal
 */
export function classifyDocument(
  doc: unknown,
  hasLegacyResources: boolean,
): DocumentKind {
  if (!isRecord(doc))
    throw new StateShapeError('corrupt', 'the document is not an object');
  // OpenTofu's envelope; a plain state never has these fields.
  if ('encryption_version' in doc || 'encrypted_data' in doc) {
    throw new StateShapeError('encrypted');
  }

  if ('version' in doc) {
    const version = doc.version;
    if (version !== 1 && version !== 2 && version !== 3 && version !== 4) {
      // Only a whole number is safe to repeat; anything else could be arbitrary content.
      const shown = Number.isInteger(version)
        ? `format version ${version}`
        : undefined;
      throw new StateShapeError('unknown-version', shown);
    }
    if (version === 4) {
      if (doc.resources !== undefined && !Array.isArray(doc.resources)) {
        throw new StateShapeError('corrupt', 'resources is not a list');
      }
      return { kind: 'state', version };
    }
    const backend = isRecord(doc.backend) || isRecord(doc.remote);
    if (backend && !hasLegacyResources) return { kind: 'backend-config' };
    return { kind: 'state', version };
  }

  if (typeof doc.format_version === 'string') {
    const major = Number(doc.format_version.split('.')[0]);
    if (!Number.isInteger(major) || major < 0 || major > 1) {
      const shown = /^\d+(\.\d+)*$/.test(doc.format_version)
        ? `show -json format ${doc.format_version}`
        : undefined;
      throw new StateShapeError('unknown-version', shown);
    }
    return { kind: 'show-json', plan: PLAN_FIELDS.some(f => f in doc) };
  }

  throw new StateShapeError(
    'unknown-version',
    'the document has no format version',
  );
}
