import type {
  ComplianceScore,
  PortfolioStatus,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * The portfolio's status rule applied to one score, so the service page and the review page
 * never disagree: `failing` when a check fails without a waiver (waived failures are not in
 * `failed`), `unknown` when nothing could be judged, otherwise `compliant`.
 */
export function complianceStatus(score: ComplianceScore): PortfolioStatus {
  if (score.failed > 0) return 'failing';
  if (score.score === null) return 'unknown';
  return 'compliant';
}

/** A score as people read it: `89 %`, or `n/a` when there is none. */
export function formatScore(score: number | null): string {
  return score === null ? 'n/a' : `${Math.round(score * 100)} %`;
}
