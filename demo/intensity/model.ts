/**
 * A realistic, synthetic week of grid carbon intensity for the demo. SE3's shape follows
 * what the Swedish grid usually does: nuclear and hydro keep it low all day, nights are
 * cleanest, weekday mornings and late afternoons climb when demand peaks and imports and
 * peaking CHP run, weekends stay lower. Levels are lifecycle g CO2e/kWh in the range
 * Electricity Maps shows for SE3; other zones are scaled from the same shape. Not data.
 */

const LEVEL: Record<string, { base: number; peak: number; renewable: number }> =
  {
    SE1: { base: 14, peak: 8, renewable: 0.93 },
    SE2: { base: 13, peak: 8, renewable: 0.95 },
    SE3: { base: 22, peak: 30, renewable: 0.58 },
    SE4: { base: 38, peak: 55, renewable: 0.62 },
    IE: { base: 250, peak: 160, renewable: 0.42 },
    DE: { base: 300, peak: 180, renewable: 0.55 },
  };

const hourShape = (h: number) =>
  // Two demand peaks: 07-10 and 16-20; quietest 01-05.
  Math.max(
    0,
    Math.exp(-((h - 8.5) ** 2) / 4) +
      0.9 * Math.exp(-((h - 18) ** 2) / 5) -
      0.05,
  );

/** Stockholm wall-clock hour and weekday (0 = Monday) of an instant. */
function stockholm(at: number): { hour: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    hour: 'numeric',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(new Date(at));
  const hour = Number(parts.find(p => p.type === 'hour')!.value);
  const wd = parts.find(p => p.type === 'weekday')!.value;
  return {
    hour,
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(wd),
  };
}

/** The zone's intensity and renewable share in the hour starting at `at`, or undefined. */
export function hourOf(
  zone: string,
  at: number,
): { g: number; renewable: number } | undefined {
  const l = LEVEL[zone];
  if (!l) return undefined;
  const { hour, weekday } = stockholm(at);
  const weekend = weekday >= 5 ? 0.55 : 1;
  // A slow wind cycle over the week, so no two days are the same.
  const wind = Math.sin((at / 3_600_000 / 168) * 2 * Math.PI * 2.3);
  const g = l.base + l.peak * hourShape(hour) * weekend - l.base * 0.15 * wind;
  return {
    g: Math.round(g * 10) / 10,
    renewable: Math.min(
      1,
      Math.max(0, l.renewable + 0.08 * wind - 0.05 * hourShape(hour)),
    ),
  };
}
