import { cronMatchesDate, parseAwsCron } from './cron';
import {
  addDays,
  isValidTimeZone,
  localTime,
  localWeek,
  zonedTimeToInstant,
} from './timezone';
import type { WeeklyCapacity } from './types';

/** An `aws_appautoscaling_scheduled_action`, reduced to what the estimate needs. @public */
export interface ScheduledAction {
  name: string;
  /** `cron(...)`; `rate(...)`/`at(...)` are reported as unsupported. */
  schedule: string;
  /** IANA zone the cron is evaluated in; AWS defaults to UTC. */
  timezone?: string;
  /**
   * The replica count from this action until the next one fires. We use the action's
   * `min_capacity`: it is what the service is guaranteed to run, and target tracking only
   * adds replicas above it under load, which a Terraform state cannot tell us.
   */
  capacity: number;
  /** Optional ISO bounds (`start_time`/`end_time`); empty means unbounded. */
  startTime?: string;
  endTime?: string;
}

const HOUR = 3_600_000;
const STEP = 15 * 60_000; // every real UTC offset is a multiple of 15 minutes
const LOOKBACK_DAYS = 35; // long enough to find the action in force when the week starts

function grid(): number[][] {
  return Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
}

interface Fire {
  at: number;
  capacity: number;
}

function firesOf(action: ScheduledAction, from: number, until: number): Fire[] {
  const cron = parseAwsCron(action.schedule);
  const tz = action.timezone || 'UTC';
  if (!isValidTimeZone(tz)) throw new Error(`unknown time zone "${tz}"`);
  const lower = action.startTime ? Date.parse(action.startTime) : -Infinity;
  const upper = action.endTime ? Date.parse(action.endTime) : Infinity;
  const first = localTime(from, tz);
  const out: Fire[] = [];
  for (let i = 0; ; i++) {
    const d = addDays(first.year, first.month, first.day, i);
    if (zonedTimeToInstant(tz, d.year, d.month, d.day) >= until) break;
    if (!cronMatchesDate(cron, d)) continue;
    for (const h of cron.hours) {
      for (const m of cron.minutes) {
        const at = zonedTimeToInstant(tz, d.year, d.month, d.day, h, m);
        if (at >= from && at < until && at >= lower && at <= upper) {
          out.push({ at, capacity: action.capacity });
        }
      }
    }
  }
  return out;
}

function simulate(
  timeZone: string,
  weekOf: number,
  fires: Fire[],
  base: number,
): Omit<WeeklyCapacity, 'source' | 'unsupported'> {
  const { start, end } = localWeek(weekOf, timeZone);
  const sorted = [...fires].sort((a, b) => a.at - b.at);
  const points = new Set<number>();
  for (let t = start; t < end; t += STEP) points.add(t);
  for (const f of sorted) if (f.at > start && f.at < end) points.add(f.at);
  const cuts = [...points].sort((a, b) => a - b);
  cuts.push(end);
  const hours = grid();
  const replicaHours = grid();
  let next = 0;
  let capacity = base;
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i];
    while (next < sorted.length && sorted[next].at <= a) {
      capacity = sorted[next++].capacity;
    }
    const l = localTime(a, timeZone);
    const h = (cuts[i + 1] - a) / HOUR;
    hours[l.weekday][l.hour] += h;
    replicaHours[l.weekday][l.hour] += h * capacity;
  }
  const totalReplicaHours = replicaHours.flat().reduce((s, v) => s + v, 0);
  return {
    timeZone,
    weekStart: new Date(start).toISOString(),
    hoursInWeek: (end - start) / HOUR,
    hours,
    replicaHours,
    totalReplicaHours,
  };
}

/**
 * Replica-hours of one real week under a set of scheduled actions. Each action's cron is
 * evaluated in its own time zone; the capacity between one firing and the next is that
 * action's capacity; before the first firing we use `baseCapacity` (the service's
 * desired count). The week is local Monday 00:00 to the next Monday 00:00 in `timeZone`,
 * so a week with a daylight-saving change really has 167 or 169 hours.
 *
 * @public
 */
export function weeklyCapacity(options: {
  actions: ScheduledAction[];
  baseCapacity: number;
  weekOf: Date | number;
  /** Zone of the week and of the heatmap; defaults to the first action's zone. */
  timeZone?: string;
}): WeeklyCapacity {
  const timeZone =
    options.timeZone ??
    options.actions.find(a => a.timezone)?.timezone ??
    'UTC';
  const { start, end } = localWeek(+options.weekOf, timeZone);
  const from = start - LOOKBACK_DAYS * 24 * HOUR;
  const fires: Fire[] = [];
  const unsupported: string[] = [];
  for (const action of options.actions) {
    try {
      fires.push(...firesOf(action, from, end));
    } catch (e) {
      unsupported.push(`${action.name}: ${(e as Error).message}`);
    }
  }
  const week = simulate(timeZone, +options.weekOf, fires, options.baseCapacity);
  const source = fires.length ? 'schedule' : 'static';
  return { ...week, source, unsupported };
}

/** A week with the same replica count in every hour (no schedule, or an observed count). @public */
export function constantCapacity(options: {
  capacity: number;
  weekOf: Date | number;
  timeZone: string;
  source: 'observed' | 'static';
}): WeeklyCapacity {
  const week = simulate(
    options.timeZone,
    +options.weekOf,
    [],
    options.capacity,
  );
  return { ...week, source: options.source, unsupported: [] };
}
