import type { Entity } from '@backstage/catalog-model';
import { SQUAD_INSIGHTS_ANNOTATIONS as A } from './annotations';
import {
  ComplianceRequirement,
  DataClassification,
  DATA_CLASSIFICATIONS,
  isDataClassification,
} from './classification';
import { recordRetentionYears } from './retention';
import type { WireSchemas } from './api';

/**
 * What a service declares about itself through the Squad Insights annotations. Defined by the
 * backend's OpenAPI spec, which answers it in `/profile`.
 *
 * @public
 */
export type ServiceProfile = WireSchemas['ServiceProfile'];

// The spec's enum and DATA_CLASSIFICATIONS name the same classifications: one added to either
// side only fails to compile.
const sameClassifications: [
  DataClassification,
  WireSchemas['DataClassification'],
] extends [WireSchemas['DataClassification'], DataClassification]
  ? true
  : never = true;
void sameClassifications;

/**
 * A problem with one annotation, named so that the catalog file's author can fix it.
 *
 * @public
 */
export interface AnnotationProblem {
  annotation: string;
  message: string;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
}

const requirementKey = (v: string) =>
  v
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[\s_-]+/g, '');

/**
 * Reads and validates an entity's Squad Insights annotations. Unknown values are reported,
 * not thrown: one bad annotation must not hide the rest of a service's profile.
 *
 * @param options - `requirements`: the compliance requirements the policy defines
 *   (`knownRequirements(policy)`); a declared value is taken in its canonical spelling
 *   (`pci-dss` → `PCI_DSS`), and one the policy doesn't define is reported. Without it, any
 *   value is taken as written.
 * @public
 */
export function readServiceProfile(
  entity: Entity,
  options: { requirements?: readonly string[] } = {},
): {
  profile: ServiceProfile;
  problems: AnnotationProblem[];
} {
  const annotations = entity.metadata.annotations ?? {};
  const problems: AnnotationProblem[] = [];

  const rawClassification = annotations[A.dataClassification]?.trim();
  let dataClassification: DataClassification | undefined;
  if (rawClassification) {
    if (isDataClassification(rawClassification)) {
      dataClassification = rawClassification;
    } else {
      problems.push({
        annotation: A.dataClassification,
        message: `unknown data classification "${rawClassification}"; expected one of ${Object.keys(
          DATA_CLASSIFICATIONS,
        ).join(', ')}`,
      });
    }
  }

  const complianceRequirements: ComplianceRequirement[] = [];
  const known = options.requirements;
  for (const value of list(annotations[A.complianceRequirements])) {
    const canonical = known
      ? known.find(k => requirementKey(k) === requirementKey(value))
      : value;
    if (canonical) {
      if (!complianceRequirements.includes(canonical))
        complianceRequirements.push(canonical);
    } else {
      problems.push({
        annotation: A.complianceRequirements,
        message: `unknown compliance requirement "${value}"; the compliance policy defines ${known!.join(
          ', ',
        )}`,
      });
    }
  }

  const profile: ServiceProfile = {
    businessCapability: annotations[A.businessCapability]?.trim() || undefined,
    dataClassification,
    complianceRequirements,
    chapter: annotations[A.chapter]?.trim() || undefined,
    guild: annotations[A.guild]?.trim() || undefined,
    terraformStates: list(annotations[A.terraformState]),
    consulService: annotations[A.consulService]?.trim() || undefined,
    recordRetentionYears: recordRetentionYears({
      dataClassification,
      complianceRequirements,
    }),
  };
  return { profile, problems };
}
