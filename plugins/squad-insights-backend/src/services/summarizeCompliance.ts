import {
  PORTFOLIO_EXPIRING_SOON_DAYS,
  type CheckResult,
  type ComplianceScore,
  type PortfolioStatus,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { ComplianceSummary } from '../database/ComplianceSummaryStore';
import type { StoredReview, StoredWaiver } from '../database/ComplianceStore';
import type { EntityCompliance } from './ComplianceService';

/** What the portfolio calls "expiring soon" in its per-row count. */
export const EXPIRING_SOON_DAYS = PORTFOLIO_EXPIRING_SOON_DAYS;

/**
 * The attested checks of an evaluation by state. The engine marks `attested` only on the
 * attested checks that apply (a check whose frameworks or `when` do not apply is plain
 * `not-applicable`), and decides them from the attestations alone: `pass` with a current one,
 * `unknown` when none was ever made, `fail` when only expired ones remain.
 */
export function summarizeAttestations(
  checks: readonly CheckResult[],
): ComplianceSummary['attestations'] {
  const attested = checks.filter(c => c.attested);
  const current = attested.filter(c => c.status === 'pass');
  const expiries = current
    .flatMap(c => (c.attestation ? [new Date(c.attestation.expiresAt)] : []))
    .sort((a, b) => a.getTime() - b.getTime());
  return {
    applicable: attested.length,
    current: current.length,
    awaiting: attested.filter(c => c.status === 'unknown').length,
    expired: attested.filter(c => c.status === 'fail').length,
    nextExpiry: expiries[0],
  };
}

/**
 * `failing` when a check fails without an active waiver; `compliant` only when every check
 * that could be judged passed or was waived and none was left unknown; otherwise `unknown`. An
 * unknown check may hide a failure, so a reviewer should not see it counted as compliant.
 */
export function portfolioStatus(score: ComplianceScore): PortfolioStatus {
  if (score.failed > 0) return 'failing';
  if (score.unknown > 0 || score.passed + score.waived === 0) return 'unknown';
  return 'compliant';
}

/** Folds one evaluation and the decisions around it into the row the portfolio serves. */
export function summarizeCompliance(input: {
  entity: { entityRef: string; name: string; title?: string };
  /** Group entity refs: owning squad and its tribe, and the chapter and guild the annotations name. */
  ownership: {
    squad?: string;
    tribe?: string;
    chapter?: string;
    guild?: string;
  };
  evaluation: EntityCompliance;
  waivers: StoredWaiver[];
  reviews: StoredReview[];
  sources: string[];
  now: Date;
}): ComplianceSummary {
  const { evaluation, now } = input;
  const soon = now.getTime() + EXPIRING_SOON_DAYS * 86_400_000;
  const active = input.waivers
    .filter(w => !w.revokedAt && w.expiresAt > now)
    .map(w => w.expiresAt)
    .sort((a, b) => a.getTime() - b.getTime());
  const [latest] = input.reviews; // the store lists them newest first
  return {
    ...input.entity,
    ...input.ownership,
    status: portfolioStatus(evaluation.score),
    score: evaluation.score.score,
    failingChecks: evaluation.score.failed,
    // Frameworks that do not apply say nothing about the service; the page lists the others.
    frameworks: evaluation.frameworks
      .filter(f => f.applies)
      .map(f => ({
        id: f.id,
        title: f.title,
        status: portfolioStatus(f.score),
        score: f.score.score,
        failed: f.score.failed,
      })),
    waivers: {
      active: active.length,
      expiringSoon: active.filter(d => d.getTime() <= soon).length,
      nextExpiry: active[0],
    },
    attestations: summarizeAttestations(evaluation.checks),
    lastReview: latest && {
      at: latest.createdAt,
      reviewer: latest.reviewer,
      decision: latest.decision,
    },
    stale: evaluation.stale,
    sources: input.sources,
    failingCheckIds: evaluation.checks
      .filter(c => c.status === 'fail' && !c.waiver)
      .map(c => c.checkId),
    computedAt: now,
  };
}
