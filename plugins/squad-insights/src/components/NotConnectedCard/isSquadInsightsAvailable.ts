import type { Entity } from '@backstage/catalog-model';
import { SQUAD_INSIGHTS_ANNOTATIONS } from '@squad-insights/backstage-plugin-squad-insights-common';

const KNOWN = new Set<string>(Object.values(SQUAD_INSIGHTS_ANNOTATIONS));

/**
 * True when the entity carries at least one Squad Insights annotation, so the plugin's cards
 * have something to show; otherwise show `EntityNotConnectedCard`.
 *
 * @public
 */
export function isSquadInsightsAvailable(entity: Entity): boolean {
  return Object.keys(entity.metadata.annotations ?? {}).some(a => KNOWN.has(a));
}
