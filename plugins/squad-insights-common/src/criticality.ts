import { SQUAD_INSIGHTS_ANNOTATIONS } from './annotations';
import type { Criticality } from './sustainability';

const CRITICALITY_ANNOTATION = SQUAD_INSIGHTS_ANNOTATIONS.criticality;

const VALUES: readonly Criticality[] = ['critical', 'high', 'medium', 'low'];

/**
 * Reads an entity's criticality. A missing or unknown value is treated as `critical`: the
 * advice for critical services is information only, so a service nobody classified is never
 * told to trim replicas or move load. The problem says why, so the owner can fix it.
 *
 * @public
 */
export function readCriticality(entity: {
  metadata: { annotations?: Record<string, string> };
}): { criticality: Criticality; declared: boolean; problem?: string } {
  const raw =
    entity.metadata.annotations?.[CRITICALITY_ANNOTATION]?.trim().toLowerCase();
  if (raw && (VALUES as string[]).includes(raw)) {
    return { criticality: raw as Criticality, declared: true };
  }
  return {
    criticality: 'critical',
    declared: false,
    problem: raw
      ? `${CRITICALITY_ANNOTATION}: "${raw}" is not one of ${VALUES.join(
          ', ',
        )}; assumed critical`
      : `${CRITICALITY_ANNOTATION} is not set; assumed critical`,
  };
}
