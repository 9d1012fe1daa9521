import type { MonthFigures, SustainabilityReport } from './report';

/** Units of the report's figures; each has one fixed rounding. @public */
export type ReportUnit = 'kWh' | 'kg CO2e' | 'SEK' | '%' | 'days' | '';

/** One figure of a report, as the page shows it and the CSV holds it. @public */
export interface ReportFigure {
  section:
    | 'summary'
    | 'group'
    | 'service'
    | 'optimisation'
    | 'renewable'
    | 'not-estimated';
  /** What the figure is about: the scope, a group or service ref, a region. */
  item: string;
  metric: string;
  /** The figure as text, rounded once here, so the page and the CSV cannot differ. */
  value: string;
  unit: ReportUnit;
  note?: string;
}

const DECIMALS: Record<ReportUnit, number> = {
  kWh: 1,
  'kg CO2e': 1,
  SEK: 0,
  '%': 1,
  days: 0,
  '': 0,
};

/** A number as the report writes it: fixed decimals by unit, `.` as separator, no grouping. @public */
export function figureText(
  value: number | null | undefined,
  unit: ReportUnit,
): string {
  if (value === null || value === undefined || !Number.isFinite(value))
    return '';
  const text = value.toFixed(DECIMALS[unit]);
  // -0.0 reads as a change where there is none.
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

function monthFigures(
  section: ReportFigure['section'],
  item: string,
  f: MonthFigures,
): ReportFigure[] {
  const fig = (metric: string, v: number, unit: ReportUnit): ReportFigure => ({
    section,
    item,
    metric,
    value: figureText(v, unit),
    unit,
  });
  return [
    fig('energy', f.kwh, 'kWh'),
    fig('co2e', f.co2eKg, 'kg CO2e'),
    fig('co2e operational', f.co2eOperationalKg, 'kg CO2e'),
    fig('co2e embodied', f.co2eEmbodiedKg, 'kg CO2e'),
    fig('carbon tax', f.carbonTaxSek, 'SEK'),
  ];
}

const pct = (share: number | null) => (share === null ? null : share * 100);

/** `yes`, `no`, or `unknown` when no region's share is known. */
function yesNo(value: boolean | null): 'yes' | 'no' | 'unknown' {
  if (value === null) return 'unknown';
  return value ? 'yes' : 'no';
}

/**
 * Every figure of a report in one flat list: the summary, each group and service, the
 * renewable share by region, the optimisations and what was not estimated. The report page
 * renders these and the CSV writes these, so both always hold the same numbers.
 *
 * @public
 */
export function reportFigures(r: SustainabilityReport): ReportFigure[] {
  const scope = r.scope.ref ?? r.scope.title;
  const summary = (
    metric: string,
    v: number | null,
    unit: ReportUnit,
    note?: string,
  ): ReportFigure => ({
    section: 'summary',
    item: scope,
    metric,
    value: figureText(v, unit),
    unit,
    ...(note ? { note } : {}),
  });
  const n = r.trend.comparedServices;
  const compared = `${r.trend.previousMonth}, ${n} service${
    n === 1 ? '' : 's'
  } in both months`;
  const out: ReportFigure[] = monthFigures('summary', scope, r.totals);
  out.push(
    summary('renewable share', pct(r.renewable.share), '%'),
    summary('renewable threshold', r.renewable.threshold * 100, '%'),
    {
      section: 'summary',
      item: scope,
      metric: 'meets renewable threshold',
      value: yesNo(r.renewable.meetsThreshold),
      unit: '',
    },
    summary(
      'energy change from previous month',
      r.trend.kwhChangePct,
      '%',
      compared,
    ),
    summary(
      'co2e change from previous month',
      r.trend.co2eChangePct,
      '%',
      compared,
    ),
    summary(
      'optimisation potential',
      r.optimisationPotential.co2eKgPerMonth,
      'kg CO2e',
    ),
    summary(
      'optimisation potential',
      r.optimisationPotential.sekPerMonth,
      'SEK',
    ),
    summary('estimates not made', r.notEstimated.notMadeShare * 100, '%'),
  );
  for (const g of r.groups)
    out.push(...monthFigures('group', g.ref, g.figures));
  for (const s of r.services) {
    if (s.figures) {
      const note =
        s.basis === 'current-estimate'
          ? 'no snapshot yet this month: today’s estimate'
          : `${s.daysRecorded} of ${r.daysInMonth} days recorded`;
      out.push(
        ...monthFigures('service', s.entityRef, s.figures).map(f => ({
          ...f,
          note,
        })),
      );
    }
  }
  for (const reg of r.renewable.regions) {
    out.push({
      section: 'renewable',
      item: reg.region,
      metric: reg.measured
        ? 'renewable share (measured)'
        : 'renewable share (yearly average)',
      value: figureText(reg.share * 100, '%'),
      unit: '%',
      note: reg.source,
    });
  }
  for (const o of r.optimisations) {
    const base = {
      section: 'optimisation' as const,
      item: o.entityRef,
      note: o.summary,
    };
    out.push(
      {
        ...base,
        metric: `${o.kind} saves`,
        value: figureText(o.co2eKgPerMonthSaved, 'kg CO2e'),
        unit: 'kg CO2e',
      },
      {
        ...base,
        metric: `${o.kind} saves`,
        value: figureText(o.sekPerMonthSaved, 'SEK'),
        unit: 'SEK',
      },
    );
  }
  for (const s of r.notEstimated.services) {
    out.push({
      section: 'not-estimated',
      item: s.entityRef,
      metric: 'service',
      value: '',
      unit: '',
      note: s.reason,
    });
  }
  for (const gap of r.notEstimated.items) {
    out.push({
      section: 'not-estimated',
      item: `${gap.service} ${gap.address}`,
      metric: gap.component,
      value: '',
      unit: '',
      note: gap.reason,
    });
  }
  return out;
}

// A spreadsheet runs a cell starting with one of these as a formula, and refs and reasons
// come from catalog YAML and Terraform state anyone may edit: a leading apostrophe makes text.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(text: string, isNumber: boolean): string {
  const safe = !isNumber && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The report as RFC 4180 CSV (CRLF line ends), one figure a row, headed by the month and
 * scope: `month,scope,section,item,metric,value,unit,note`.
 *
 * @public
 */
export function sustainabilityReportCsv(r: SustainabilityReport): string {
  const header = [
    'month',
    'scope',
    'section',
    'item',
    'metric',
    'value',
    'unit',
    'note',
  ];
  const scope = r.scope.ref ?? r.scope.title;
  const lines = [header.join(',')];
  for (const f of reportFigures(r)) {
    const numeric = f.unit !== '' && f.value !== '';
    lines.push(
      [
        cell(r.month, false),
        cell(scope, false),
        cell(f.section, false),
        cell(f.item, false),
        cell(f.metric, false),
        cell(f.value, numeric),
        cell(f.unit, false),
        cell(f.note ?? '', false),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
