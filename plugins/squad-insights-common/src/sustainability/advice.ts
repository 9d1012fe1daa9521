import type { WireSchemas } from '../api';
import { capacityMatrix, GreenBands, greenBandMatrix } from './bands';
import {
  Advice,
  AdviceKind,
  AdviceOptions,
  moveRegions,
  shift,
  trimOffHours,
} from './adviceRules';
import {
  fillMatrix,
  GridIntensity,
  intensityForRegion,
  localIntensityMatrix,
} from './intensity';
import type { Criticality, ServiceFootprint, ServiceUsage } from './types';

/** Which advice applies to which criticality; critical services only get information. @public */
export const DEFAULT_ADVICE_POLICY: Record<Criticality, AdviceKind[]> = {
  critical: ['move-region'],
  high: ['move-region', 'trim-off-hours-replicas'],
  medium: ['move-region', 'trim-off-hours-replicas', 'shift-to-green-hours'],
  low: ['move-region', 'trim-off-hours-replicas', 'shift-to-green-hours'],
};

/**
 * Heatmap data: scheduled replicas and green band per local weekday-hour (defined by the
 * spec).
 *
 * @public
 */
export type Heatmap = WireSchemas['Heatmap'];

/**
 * Advice for one service, filtered by its criticality: shift capacity to greener hours
 * (non-critical only), the CO2e effect of moving region (reported even when it is worse),
 * and replicas the schedule keeps off-hours beyond the observed need.
 *
 * @public
 */
export function adviseService(
  usage: ServiceUsage,
  footprint: ServiceFootprint,
  options: AdviceOptions,
): Advice[] {
  const allowed = (options.policy ?? DEFAULT_ADVICE_POLICY)[
    options.criticality
  ];
  const out: Advice[] = [];
  if (allowed.includes('move-region'))
    out.push(...moveRegions(footprint, options));
  if (allowed.includes('trim-off-hours-replicas')) {
    const a = trimOffHours(usage, footprint, options);
    if (a) out.push(a);
  }
  if (allowed.includes('shift-to-green-hours'))
    out.push(shift(usage, footprint, options));
  return out;
}

/** Heatmap of the service's schedule, or undefined when nothing is scheduled. @public */
export function serviceHeatmap(
  usage: ServiceUsage,
  bands?: GreenBands,
  intensity?: Record<string, GridIntensity>,
): Heatmap | undefined {
  const w = usage.schedule;
  if (!w) return undefined;
  const grid = intensityForRegion(usage.primaryRegion, intensity);
  const hourly = grid?.kind === 'hourly' ? grid : undefined;
  return {
    timeZone: w.timeZone,
    weekStart: w.weekStart,
    capacity: capacityMatrix(w),
    band: greenBandMatrix(bands),
    ...(hourly
      ? {
          // Cells the stored hours do not reach show the same hour's mean, as the
          // green-hours saving uses them; the label says how many hours are real.
          intensity: fillMatrix(
            localIntensityMatrix(hourly.points, w.timeZone),
            hourly.meanGCo2ePerKwh,
          ),
          intensitySource: `${hourly.zone}: ${hourly.source}, ${
            hourly.points.length
          } stored hours${
            hourly.points.length < w.hoursInWeek
              ? ', other hours of the week use the same hour of day'
              : ''
          }${hourly.stale ? ' (stale)' : ''}`,
        }
      : {}),
  };
}
