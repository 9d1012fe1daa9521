import type { components } from '../schema/openapi.generated';
import type { Advice } from './adviceRules';
import { renewableShareOf } from './data/renewables';
import type {
  EnergyAndEmissions,
  FootprintComponent,
  NotEstimated,
  ServiceFootprint,
} from './types';

/** One stored daily snapshot of a service (the footprint history's row). @public */
export interface ReportDay {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  kwhPerDay: number;
  co2eKgPerDay: number;
  breakdown: Record<FootprintComponent, EnergyAndEmissions>;
}

/** One service going into a report. @public */
export interface ReportServiceInput {
  entityRef: string;
  /** The row it counts under: its squad in a tribe report, its tribe in the organisation's. */
  group: string;
  /** Stored snapshots covering the month and the one before (other days are ignored). */
  history: readonly ReportDay[];
  /** Today's estimate; absent when the footprint is unknown (no state read). */
  footprint?: ServiceFootprint;
  advice?: readonly Advice[];
}

/** A grid's renewable share as the report uses it. @public */
export interface ReportRenewableShare {
  share: number;
  source: string;
  /** True for a measured share (grid-intensity source), false for a published yearly average. */
  measured: boolean;
}

/** What a report is built from. @public */
export interface SustainabilityReportInput {
  /** `YYYY-MM`. */
  month: string;
  scope: { kind: 'tribe' | 'organisation'; ref?: string; title: string };
  services: readonly ReportServiceInput[];
  /** ISO instant the report stands for; decides whether the month is still running. */
  generatedAt: string;
  /** SEK per kg CO2e; default the services' own rate, else 1.25. */
  sekPerKgCo2e?: number;
  /** Energimyndigheten's renewable-share threshold; default 0.5. */
  renewableThreshold?: number;
  /** Measured shares by region; regions without one use the bundled yearly averages. */
  renewableShares?: Record<string, ReportRenewableShare>;
  /** How many optimisations to list; default 5. */
  topOptimisations?: number;
}

/*
 * The report is the body of `GET /reports/sustainability`: its types are the backend spec's
 * (SustainabilityReport in plugins/squad-insights-backend/src/schema/openapi.yaml), so the
 * report built here cannot drift from what the API promises.
 */
/** Energy and emissions of one month. @public */
export type MonthFigures = components['schemas']['MonthFigures'];

/**
 * One service's month: figures and what they rest on; the month is the mean of the days
 * recorded × the days of the month.
 *
 * @public
 */
export type ReportServiceRow = SustainabilityReport['services'][number];

/** The month-by-month comparison, over services with figures in both months. @public */
export type ReportTrend = SustainabilityReport['trend'];

/** One optimisation, from a service's advice. @public */
export type ReportOptimisation = SustainabilityReport['optimisations'][number];

/** Body of `GET /reports/sustainability`. @public */
export type SustainabilityReport =
  components['schemas']['SustainabilityReport'];

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `month` is `YYYY-MM`. @public */
export function isReportMonth(month: string): boolean {
  return MONTH.test(month);
}

/** Days of a `YYYY-MM` month. @public */
export function daysInMonth(month: string): number {
  const [, y, m] = MONTH.exec(month) ?? [];
  if (!y) throw new Error(`not a month: ${month}`);
  return new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
}

/** The month before a `YYYY-MM` month. @public */
export function previousMonth(month: string): string {
  const [, y, m] = MONTH.exec(month) ?? [];
  if (!y) throw new Error(`not a month: ${month}`);
  const d = new Date(Date.UTC(Number(y), Number(m) - 2, 1));
  return d.toISOString().slice(0, 7);
}

const zero = (): MonthFigures => ({
  kwh: 0,
  co2eKg: 0,
  co2eOperationalKg: 0,
  co2eEmbodiedKg: 0,
  carbonTaxSek: 0,
});

function add(into: MonthFigures, f: MonthFigures): MonthFigures {
  into.kwh += f.kwh;
  into.co2eKg += f.co2eKg;
  into.co2eOperationalKg += f.co2eOperationalKg;
  into.co2eEmbodiedKg += f.co2eEmbodiedKg;
  into.carbonTaxSek += f.carbonTaxSek;
  return into;
}

type PerDay = Pick<ReportDay, 'kwhPerDay' | 'co2eKgPerDay' | 'breakdown'>;

/** Mean of the recorded days × the days of the month; embodied from the breakdown. */
function monthOf(days: readonly PerDay[], length: number, sek: number) {
  const n = days.length;
  const mean = (pick: (d: PerDay) => number) =>
    days.reduce((s, d) => s + pick(d), 0) / n;
  const kwh = mean(d => d.kwhPerDay) * length;
  const co2eKg = mean(d => d.co2eKgPerDay) * length;
  const embodied = mean(d => d.breakdown.embodied?.co2eKgPerDay ?? 0) * length;
  return {
    kwh,
    co2eKg,
    co2eOperationalKg: co2eKg - embodied,
    co2eEmbodiedKg: embodied,
    carbonTaxSek: co2eKg * sek,
  };
}

const inMonth = (month: string) => (d: ReportDay) =>
  d.day.slice(0, 7) === month;

const changePct = (now: number, then: number) =>
  then > 0 ? ((now - then) / then) * 100 : null;

/**
 * A tribe's or the organisation's month: energy, CO2e (operational and embodied), carbon tax,
 * renewable share against the threshold, the change from the month before, the largest
 * savings the advice finds, and what could not be estimated. Every total is the plain sum of
 * its service rows, so the page, the CSV and a spreadsheet sum agree.
 *
 * A service's month is the mean of its recorded days × the days of the month, so a missed
 * snapshot does not read as a day without emissions. A running month without any snapshot
 * yet falls back to today's estimate, and says so.
 *
 * @public
 */
export function buildSustainabilityReport(
  input: SustainabilityReportInput,
): SustainabilityReport {
  const { month } = input;
  const length = daysInMonth(month);
  const before = previousMonth(month);
  const partial = input.generatedAt.slice(0, 7) === month;
  const sek =
    input.sekPerKgCo2e ??
    input.services.find(s => s.footprint)?.footprint?.sekPerKgCo2e ??
    1.25;

  const rows: ReportServiceRow[] = [];
  const missing: Array<{ entityRef: string; reason: string }> = [];
  const trendNow = zero();
  const trendThen = zero();
  let compared = 0;
  const previousTotals = zero();
  let previousKnown = false;
  for (const s of input.services) {
    const days = s.history.filter(inMonth(month));
    const row: ReportServiceRow = {
      entityRef: s.entityRef,
      group: s.group,
      daysRecorded: days.length,
    };
    if (days.length > 0) {
      row.figures = monthOf(days, length, sek);
      row.basis = 'history';
    } else if (partial && s.footprint) {
      row.figures = monthOf([s.footprint], length, sek);
      row.basis = 'current-estimate';
    } else {
      missing.push({
        entityRef: s.entityRef,
        reason: s.footprint
          ? `no footprint snapshot in ${month}`
          : 'footprint unknown: no Terraform state read',
      });
    }
    rows.push(row);
    const then = s.history.filter(inMonth(before));
    if (then.length > 0) {
      const f = monthOf(then, daysInMonth(before), sek);
      add(previousTotals, f);
      previousKnown = true;
      if (row.figures) {
        add(trendNow, row.figures);
        add(trendThen, f);
        compared += 1;
      }
    }
  }

  const totals = rows.reduce(
    (t, r) => (r.figures ? add(t, r.figures) : t),
    zero(),
  );
  const groups = new Map<string, { figures: MonthFigures; services: number }>();
  for (const r of rows) {
    const g = groups.get(r.group) ?? { figures: zero(), services: 0 };
    g.services += 1;
    if (r.figures) add(g.figures, r.figures);
    groups.set(r.group, g);
  }

  return {
    month,
    daysInMonth: length,
    partial,
    scope: input.scope,
    generatedAt: input.generatedAt,
    sekPerKgCo2e: sek,
    totals,
    groups: [...groups]
      .map(([ref, g]) => ({ ref, ...g }))
      .sort((a, b) => b.figures.co2eKg - a.figures.co2eKg),
    services: rows.sort(
      (a, b) => (b.figures?.co2eKg ?? -1) - (a.figures?.co2eKg ?? -1),
    ),
    trend: {
      previousMonth: before,
      previous: previousKnown ? previousTotals : undefined,
      comparedServices: compared,
      kwhChangePct: compared ? changePct(trendNow.kwh, trendThen.kwh) : null,
      co2eChangePct: compared
        ? changePct(trendNow.co2eKg, trendThen.co2eKg)
        : null,
    },
    renewable: renewableOf(input),
    ...optimisationsOf(input, sek),
    notEstimated: notEstimatedOf(input, missing),
  };
}

/** Energy-weighted share over the regions today's estimates draw from. */
function renewableOf(input: SustainabilityReportInput) {
  const threshold = input.renewableThreshold ?? 0.5;
  const kwhByRegion = new Map<string, number>();
  for (const s of input.services) {
    for (const [region, v] of Object.entries(s.footprint?.byRegion ?? {})) {
      kwhByRegion.set(region, (kwhByRegion.get(region) ?? 0) + v.kwhPerDay);
    }
  }
  const regions: SustainabilityReport['renewable']['regions'] = [];
  const unknownRegions: string[] = [];
  let weighted = 0;
  let weight = 0;
  for (const [region, kwhPerDay] of [...kwhByRegion].sort()) {
    if (kwhPerDay <= 0) continue;
    const measured = input.renewableShares?.[region];
    const yearly = renewableShareOf(region);
    const r: ReportRenewableShare | undefined =
      measured ??
      (yearly && {
        share: yearly.share,
        source: `${yearly.source} (${yearly.year} yearly average)`,
        measured: false,
      });
    if (!r) {
      unknownRegions.push(region);
      continue;
    }
    regions.push({ region, kwhPerDay, ...r });
    weighted += r.share * kwhPerDay;
    weight += kwhPerDay;
  }
  const share = weight > 0 ? weighted / weight : null;
  return {
    share,
    threshold,
    meetsThreshold: share === null ? null : share >= threshold,
    regions,
    unknownRegions,
  };
}

function optimisationsOf(input: SustainabilityReportInput, sek: number) {
  const all: ReportOptimisation[] = input.services.flatMap(s =>
    (s.advice ?? [])
      .filter(a => a.co2eKgPerMonthSaved > 0)
      .map(a => ({
        entityRef: s.entityRef,
        kind: a.kind,
        summary: a.summary,
        co2eKgPerMonthSaved: a.co2eKgPerMonthSaved,
        sekPerMonthSaved: a.co2eKgPerMonthSaved * sek,
      })),
  );
  all.sort((a, b) => b.co2eKgPerMonthSaved - a.co2eKgPerMonthSaved);
  const kg = all.reduce((s, o) => s + o.co2eKgPerMonthSaved, 0);
  return {
    optimisations: all.slice(0, input.topOptimisations ?? 5),
    optimisationPotential: { co2eKgPerMonth: kg, sekPerMonth: kg * sek },
  };
}

function notEstimatedOf(
  input: SustainabilityReportInput,
  services: Array<{ entityRef: string; reason: string }>,
) {
  let made = 0;
  let notMade = 0;
  const items: Array<NotEstimated & { service: string }> = [];
  for (const s of input.services) {
    if (!s.footprint) continue;
    made += s.footprint.coverage.made;
    notMade += s.footprint.coverage.notMade;
    items.push(
      ...s.footprint.notEstimated.map(n => ({ ...n, service: s.entityRef })),
    );
  }
  return {
    services,
    items,
    notMadeShare: made + notMade ? notMade / (made + notMade) : 0,
  };
}
