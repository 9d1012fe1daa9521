import type { Severity } from './model';

/**
 * A compliance score and the counts behind it.
 *
 * `score = Σ w(passed) / (Σ w(passed) + Σ w(failed, not waived))`, with `w` the check's severity
 * weight from the policy's `scoring.severityWeights` (default 1/3/9/27: one critical failure
 * outweighs several low ones). Waived failures are accepted risk and leave the score (they
 * are counted in `waived`); unknown and not-applicable checks are not evidence either way.
 * `null` when nothing passed or failed. A fraction between 0 and 1.
 *
 * @public
 */
export interface ComplianceScore {
  score: number | null;
  passed: number;
  failed: number;
  waived: number;
  unknown: number;
  notApplicable: number;
}

/**
 * Accumulates check results into a {@link ComplianceScore}; the weighted sums stay here so the
 * score handed out is plain data.
 *
 * @internal
 */
export class ScoreAccumulator {
  readonly score: ComplianceScore = {
    score: null,
    passed: 0,
    failed: 0,
    waived: 0,
    unknown: 0,
    notApplicable: 0,
  };
  private num = 0;
  private den = 0;
  constructor(private readonly weights: Record<Severity, number>) {}

  add(result: { status: string; severity: Severity; waiver?: unknown }): void {
    const s = this.score;
    const w = this.weights[result.severity];
    if (result.status === 'pass') {
      s.passed++;
      this.num += w;
      this.den += w;
    } else if (result.status === 'fail') {
      if (result.waiver) s.waived++;
      else {
        s.failed++;
        this.den += w;
      }
    } else if (result.status === 'unknown') s.unknown++;
    else s.notApplicable++;
    s.score = this.den > 0 ? this.num / this.den : null;
  }
}
