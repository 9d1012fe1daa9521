/** Swedish number format, as the carbon tax and the reports people compare with use it. */
export const fmt = (n: number, digits = 2) =>
  n.toLocaleString('sv-SE', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });

/**
 * The day of an instant in a given time zone, `2026-11-23`: a schedule's week starts at local
 * Monday 00:00, which is still Sunday in UTC east of Greenwich.
 */
export function dayIn(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

/** `2026-11-25 08:00`: an ISO instant in the reader's time zone, minutes precision. */
export function when(iso?: string): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(
    d.getHours(),
  )}:${pad(d.getMinutes())}`;
}
