import { GRID_ZONES } from './data/gridZones';
import type { GridIntensity } from './intensity';
import type { ReportRenewableShare } from './report';

/**
 * The renewable share each region's grid really had in a month, from the hourly power
 * breakdowns the grid-intensity source read: the mean of the month's hours that carry a share.
 * Regions whose zone has no such hour are left out, so the report falls back to the bundled
 * yearly average for them and says so.
 *
 * @param month - `YYYY-MM`; hours are taken by their UTC start.
 * @public
 */
export function measuredRenewableShares(
  series: Readonly<Record<string, GridIntensity>>,
  month: string,
): Record<string, ReportRenewableShare> {
  const byZone = new Map<string, ReportRenewableShare>();
  for (const [zone, intensity] of Object.entries(series)) {
    const shares = intensity.points
      .filter(
        p =>
          p.datetime.startsWith(month) && typeof p.renewableShare === 'number',
      )
      .map(p => p.renewableShare!);
    if (!shares.length) continue;
    byZone.set(zone, {
      share: shares.reduce((a, b) => a + b, 0) / shares.length,
      source: `${intensity.source}, ${shares.length} measured hours of ${zone} in ${month}`,
      measured: true,
    });
  }
  const out: Record<string, ReportRenewableShare> = {};
  for (const { region, zone } of GRID_ZONES) {
    const share = byZone.get(zone);
    if (share) out[region] = share;
  }
  return out;
}
