import type { Entity } from '@backstage/catalog-model';
import { SQUAD_INSIGHTS_ANNOTATIONS as A } from './annotations';
import {
  ComplianceRequirement,
  DataClassification,
  DATA_CLASSIFICATIONS,
  COMPLIANCE_REQUIREMENTS,
  isComplianceRequirement,
  isDataClassification,
} from './classification';
import { recordRetentionYears } from './retention';

/**
 * What a service declares about itself through the Squad Insights annotations.
 *
 * @public
 */
export interface ServiceProfile {
  businessCapability?: string;
  dataClassification?: DataClassification;
  complianceRequirements: ComplianceRequirement[];
  chapter?: string;
  guild?: string;
  terraformStates: string[];
  consulService?: string;
  /** Derived with {@link recordRetentionYears}. */
  recordRetentionYears: number;
}

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

/**
 * Reads and validates an entity's Squad Insights annotations. Unknown values are reported,
 * not thrown: one bad annotation must not hide the rest of a service's profile.
 *
 * @public
 */
export function readServiceProfile(entity: Entity): {
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
  for (const value of list(annotations[A.complianceRequirements])) {
    if (isComplianceRequirement(value)) {
      if (!complianceRequirements.includes(value)) complianceRequirements.push(value);
    } else {
      problems.push({
        annotation: A.complianceRequirements,
        message: `unknown compliance requirement "${value}"; expected any of ${Object.keys(
          COMPLIANCE_REQUIREMENTS,
        ).join(', ')}`,
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
