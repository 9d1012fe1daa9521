import { cronMatchesDate, parseAwsCron } from './cron';
import { capacityMatrix } from './bands';
import { ScheduledAction, weeklyCapacity } from './schedule';
import { localTime, localWeek, zonedTimeToInstant } from './timezone';

const TZ = 'Europe/Stockholm';

/** The three actions every demo service has (demo/terraform/README.md). */
const DEMO: ScheduledAction[] = [
  {
    name: 'business_hours',
    schedule: 'cron(0 7 ? * MON-FRI *)',
    timezone: TZ,
    capacity: 3,
  },
  {
    name: 'off_hours',
    schedule: 'cron(0 18 ? * MON-FRI *)',
    timezone: TZ,
    capacity: 1,
  },
  {
    name: 'weekend',
    schedule: 'cron(0 0 ? * SAT *)',
    timezone: TZ,
    capacity: 2,
  },
];

const week = (iso: string) =>
  weeklyCapacity({
    actions: DEMO,
    baseCapacity: 4,
    weekOf: Date.parse(iso),
    timeZone: TZ,
  });

describe('AWS cron', () => {
  it('reads numbers, names, ranges, lists and steps', () => {
    const c = parseAwsCron('cron(0/15 7,18 ? JAN-MAR MON-FRI *)');
    expect(c.minutes).toEqual([0, 15, 30, 45]);
    expect(c.hours).toEqual([7, 18]);
    expect(c.months).toEqual([1, 2, 3]);
    expect(c.daysOfWeek).toEqual([2, 3, 4, 5, 6]); // AWS: 1 = SUN
    expect(cronMatchesDate(c, { year: 2025, month: 3, day: 28 })).toBe(true); // Friday
    expect(cronMatchesDate(c, { year: 2025, month: 3, day: 29 })).toBe(false); // Saturday
    expect(cronMatchesDate(c, { year: 2025, month: 4, day: 1 })).toBe(false); // April
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(() => parseAwsCron('cron(0 7 L * ? *)')).toThrow(/not supported/);
    expect(() => parseAwsCron('rate(5 minutes)')).toThrow(/not a cron/);
    const w = weeklyCapacity({
      actions: [{ name: 'r', schedule: 'rate(1 hour)', capacity: 9 }],
      baseCapacity: 2,
      weekOf: Date.parse('2025-01-15T12:00:00Z'),
      timeZone: TZ,
    });
    expect(w.unsupported).toEqual(['r: not a cron() expression: rate(1 hour)']);
    expect(w.source).toBe('static');
    expect(w.totalReplicaHours).toBe(2 * 168);
  });
});

describe('time zones', () => {
  it('07:00 in Stockholm is 06:00Z in winter and 05:00Z in summer', () => {
    expect(new Date(zonedTimeToInstant(TZ, 2025, 3, 28, 7)).toISOString()).toBe(
      '2025-03-28T06:00:00.000Z',
    );
    expect(new Date(zonedTimeToInstant(TZ, 2025, 3, 31, 7)).toISOString()).toBe(
      '2025-03-31T05:00:00.000Z',
    );
    // 02:30 on 30 March never happens; the clock reads 03:30 one hour after 01:30.
    expect(localTime(zonedTimeToInstant(TZ, 2025, 3, 30, 2, 30), TZ).hour).toBe(
      3,
    );
  });

  it('the week containing the spring change has 167 hours, the autumn one 169', () => {
    const spring = localWeek(Date.parse('2025-03-30T12:00:00Z'), TZ);
    expect(new Date(spring.start).toISOString()).toBe(
      '2025-03-23T23:00:00.000Z',
    );
    expect((spring.end - spring.start) / 3.6e6).toBe(167);
    const autumn = localWeek(Date.parse('2025-10-26T12:00:00Z'), TZ);
    expect((autumn.end - autumn.start) / 3.6e6).toBe(169);
  });
});

describe('weekly replica-hours of the demo schedule', () => {
  // Sat 00 → Mon 07: 2 replicas; Mon–Fri 07 → 18: 3; Mon–Fri 18 → next 07 (Fri: → Sat 00): 1.
  // Mon 00–07 still runs the weekend's 2: 7 × 2 + 5 × 11 × 3 + (4 × 13 + 6) × 1 + 48 × 2 = 333.
  it('an ordinary week: 333 replica-hours in 168 hours', () => {
    const w = week('2025-01-15T12:00:00Z');
    expect(w.source).toBe('schedule');
    expect(w.hoursInWeek).toBe(168);
    expect(w.totalReplicaHours).toBe(333);
    const cap = capacityMatrix(w);
    expect(cap[0].slice(5, 9)).toEqual([2, 2, 3, 3]); // Monday 05–08
    expect(cap[4].slice(17, 19)).toEqual([3, 1]); // Friday 17–18
    expect(cap[5][0]).toBe(2); // Saturday midnight
  });

  it('spring change (Sun 30 March 2025): the 02 hour does not exist, 2 replica-hours fewer', () => {
    const w = week('2025-03-26T12:00:00Z');
    expect(w.hoursInWeek).toBe(167);
    expect(w.totalReplicaHours).toBe(331);
    expect(w.hours[6][2]).toBe(0);
    expect(capacityMatrix(w)[6][2]).toBeNull();
    // The actions still fire at 07:00 local on the Monday after the change.
    expect(capacityMatrix(week('2025-03-31T12:00:00Z'))[0].slice(6, 8)).toEqual(
      [2, 3],
    );
  });

  it('autumn change (Sun 26 October 2025): the 02 hour happens twice, 2 replica-hours more', () => {
    const w = week('2025-10-22T12:00:00Z');
    expect(w.hoursInWeek).toBe(169);
    expect(w.totalReplicaHours).toBe(335);
    expect(w.hours[6][2]).toBe(2);
    expect(w.replicaHours[6][2]).toBe(4);
    expect(w.hours.flat().reduce((s, h) => s + h, 0)).toBe(169);
  });

  it('evaluates each action in its own zone (New York moved to summer time 9 March, Stockholm 30 March)', () => {
    const w = weeklyCapacity({
      actions: [
        {
          name: 'up',
          schedule: 'cron(0 9 ? * MON-FRI *)',
          timezone: 'America/New_York',
          capacity: 5,
        },
        {
          name: 'down',
          schedule: 'cron(0 17 ? * MON-FRI *)',
          timezone: 'America/New_York',
          capacity: 1,
        },
      ],
      baseCapacity: 1,
      weekOf: Date.parse('2025-03-19T12:00:00Z'),
      timeZone: TZ,
    });
    // 09:00 EDT = 13:00Z = 14:00 CET: the Stockholm heatmap shows the step at 14.
    expect(capacityMatrix(w)[2].slice(13, 15)).toEqual([1, 5]);
    expect(w.totalReplicaHours).toBe(168 + 5 * 8 * 4);
  });
});
