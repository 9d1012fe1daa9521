const HOUR = 3600_000;
const DAY = 24 * HOUR;

function span(ms: number) {
  if (ms >= DAY) {
    const days = Math.floor(ms / DAY);
    return `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  const hours = Math.max(1, Math.floor(ms / HOUR));
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** "expires in 12 days", "expires in 3 hours", "expired 2 days ago". */
export function expiryCountdown(
  expiresAt: string,
  now: Date = new Date(),
): string {
  const left = new Date(expiresAt).getTime() - now.getTime();
  return left > 0 ? `expires in ${span(left)}` : `expired ${span(-left)} ago`;
}

/** The day of an instant as `2026-11-26`, in the reader's time zone. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}
