/**
 * The subset of Application Auto Scaling's `cron(Minutes Hours Day-of-month Month
 * Day-of-week Year)` that schedules use in practice: numbers, names, `*`, `?`, lists,
 * ranges and steps. `L`, `W` and `#` are reported as unsupported rather than guessed, and so
 * are `rate(...)` and `at(...)`, so a schedule we cannot read is never silently ignored.
 */

/** A parsed AWS cron expression. @public */
export interface AwsCron {
  minutes: number[];
  hours: number[];
  /** null when the field is `?` or `*` (no day-of-month restriction). */
  daysOfMonth: number[] | null;
  months: number[];
  /** AWS numbering 1 = SUN … 7 = SAT; null when `?` or `*`. */
  daysOfWeek: number[] | null;
  /** null when `*`. */
  years: number[] | null;
}

const MONTHS = 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' ');
const DAYS = 'SUN MON TUE WED THU FRI SAT'.split(' ');

function value(token: string, names?: string[]): number {
  const upper = token.toUpperCase();
  if (names && names.includes(upper)) return names.indexOf(upper) + 1;
  if (!/^\d+$/.test(token)) throw new Error(`cannot read "${token}"`);
  return Number(token);
}

function field(
  text: string,
  min: number,
  max: number,
  names?: string[],
): number[] | null {
  if (text === '?' || text === '*') return null;
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : value(stepText);
    let from: number;
    let to: number;
    if (range === '*') {
      [from, to] = [min, max];
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      [from, to] = [value(a, names), value(b, names)];
    } else {
      from = value(range, names);
      to = stepText === undefined ? from : max;
    }
    if (from < min || to > max || from > to || step < 1) {
      throw new Error(`"${part}" is outside ${min}-${max}`);
    }
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

function all(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/**
 * Parses `cron(...)`. Throws an Error whose message says what could not be read.
 *
 * @public
 */
export function parseAwsCron(expression: string): AwsCron {
  const m = /^cron\((.*)\)$/.exec(expression.trim());
  if (!m) throw new Error(`not a cron() expression: ${expression}`);
  const f = m[1].trim().split(/\s+/);
  if (f.length !== 6) throw new Error(`cron needs 6 fields: ${expression}`);
  if (/[LW#]/i.test(f[2]) || /[L#]/i.test(f[4])) {
    throw new Error(`L, W and # are not supported: ${expression}`);
  }
  return {
    minutes: field(f[0], 0, 59) ?? all(0, 59),
    hours: field(f[1], 0, 23) ?? all(0, 23),
    daysOfMonth: field(f[2], 1, 31),
    months: field(f[3], 1, 12, MONTHS) ?? all(1, 12),
    daysOfWeek: field(f[4], 1, 7, DAYS),
    years: field(f[5], 1970, 2199),
  };
}

/**
 * Whether the cron fires on a local calendar date. AWS requires one of day-of-month and
 * day-of-week to be `?`; if both are restricted we require both, the stricter reading.
 *
 * @public
 */
export function cronMatchesDate(
  cron: AwsCron,
  date: { year: number; month: number; day: number },
): boolean {
  if (cron.years && !cron.years.includes(date.year)) return false;
  if (!cron.months.includes(date.month)) return false;
  if (cron.daysOfMonth && !cron.daysOfMonth.includes(date.day)) return false;
  if (cron.daysOfWeek) {
    const sundayFirst =
      new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 1;
    if (!cron.daysOfWeek.includes(sundayFirst)) return false;
  }
  return true;
}
