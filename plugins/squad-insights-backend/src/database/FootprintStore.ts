import type {
  EnergyAndEmissions,
  FootprintComponent,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * One service's footprint on one day.
 *
 * @public
 */
export interface FootprintDay {
  entityRef: string;
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  kwhPerDay: number;
  co2eKgPerDay: number;
  carbonTaxSekPerMonth: number;
  breakdown: Record<FootprintComponent, EnergyAndEmissions>;
}

/**
 * Daily footprint history. One row per service and day: a later snapshot of the same day
 * replaces the earlier one, so re-running the task is harmless.
 *
 * @public
 */
export interface FootprintStore {
  upsertDay(day: FootprintDay, at?: Date): Promise<void>;
  /** The last `days` days up to and including `today` (UTC), oldest first. */
  getHistory(
    entityRef: string,
    days?: number,
    today?: Date,
  ): Promise<FootprintDay[]>;
}

/** The UTC day of an instant as `YYYY-MM-DD`. @public */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
