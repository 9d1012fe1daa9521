/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl, so it runs unchanged in
 * the browser and in Node (both ship the tz database with full ICU).
 */

/** Local calendar fields of an instant. @public */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Monday … 6 = Sunday (ISO order, as the heatmap shows weeks). */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** ISO weekday (0 = Monday) of a proleptic Gregorian date. */
function isoWeekday(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** The local wall-clock time of an instant in a time zone. @public */
export function localTime(instant: number, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const { year, month, day, hour, minute } = parts;
  return {
    year,
    month,
    day,
    hour,
    minute,
    weekday: isoWeekday(year, month, day),
  };
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(instant: number, timeZone: string): number {
  const l = localTime(instant, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
  return Math.round((asUtc - Math.floor(instant / 60000) * 60000) / 60000);
}

/**
 * The instant at which the wall clock in `timeZone` shows the given local time. A time in
 * the spring gap (which never happens) comes out one hour later, like a clock moved
 * forward; an ambiguous autumn time resolves to its second occurrence.
 *
 * @public
 */
export function zonedTimeToInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = offsetMinutes(guess, timeZone);
  let instant = guess - first * 60000;
  const second = offsetMinutes(instant, timeZone);
  if (second !== first) instant = guess - second * 60000;
  return instant;
}

/** Adds whole days to a calendar date (no time zone involved). @public */
export function addDays(
  year: number,
  month: number,
  day: number,
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
  };
}

/**
 * Start and end instants of the local Monday-to-Monday week that contains `instant`. The
 * difference is 167, 168 or 169 hours.
 *
 * @public
 */
export function localWeek(
  instant: number,
  timeZone: string,
): { start: number; end: number } {
  const l = localTime(instant, timeZone);
  const monday = addDays(l.year, l.month, l.day, -l.weekday);
  const next = addDays(monday.year, monday.month, monday.day, 7);
  return {
    start: zonedTimeToInstant(timeZone, monday.year, monday.month, monday.day),
    end: zonedTimeToInstant(timeZone, next.year, next.month, next.day),
  };
}

/** True when Intl knows the zone (it throws RangeError otherwise). @public */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}
