import {
  DAYS_PER_MONTH,
  GroupFootprintResponse,
  PortfolioResponse,
  PortfolioStatus,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { STATUS_SEVERITY } from '../common/StatusChip';

/** One service of a squad or tribe: its compliance and footprint side by side. */
export interface RollupRow {
  entityRef: string;
  name: string;
  /** Absent when the portfolio did not answer or does not hold the service. */
  status?: PortfolioStatus;
  failingChecks?: number;
  /** Absent when the footprint is unknown (no state read yet) — unknown, not zero. */
  co2eKgPerMonth?: number;
  carbonTaxSekPerMonth?: number;
}

function nameOf(entityRef: string) {
  return entityRef.slice(entityRef.lastIndexOf('/') + 1);
}

/**
 * Joins the group's portfolio rows and footprint rows by service, worst first: failing before
 * unknown before compliant, then more failing checks, then the heavier footprint.
 */
export function rollupRows(
  portfolio: PortfolioResponse | undefined,
  footprint: GroupFootprintResponse | undefined,
): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  const row = (entityRef: string) => {
    let r = rows.get(entityRef);
    if (!r) {
      r = { entityRef, name: nameOf(entityRef) };
      rows.set(entityRef, r);
    }
    return r;
  };
  for (const p of portfolio?.items ?? []) {
    Object.assign(row(p.entityRef), {
      name: p.title ?? p.name,
      status: p.status,
      failingChecks: p.failingChecks,
    });
  }
  for (const s of footprint?.services ?? []) {
    Object.assign(row(s.entityRef), {
      co2eKgPerMonth:
        s.co2eKgPerDay === undefined
          ? undefined
          : s.co2eKgPerDay * DAYS_PER_MONTH,
      carbonTaxSekPerMonth: s.carbonTaxSekPerMonth,
    });
  }
  const severity = (r: RollupRow) =>
    r.status ? STATUS_SEVERITY[r.status] : STATUS_SEVERITY.unknown;
  return [...rows.values()].sort(
    (a, b) =>
      severity(a) - severity(b) ||
      (b.failingChecks ?? 0) - (a.failingChecks ?? 0) ||
      (b.co2eKgPerMonth ?? -1) - (a.co2eKgPerMonth ?? -1) ||
      a.name.localeCompare(b.name),
  );
}
