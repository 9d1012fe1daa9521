/*
 * The CLI's report of an evaluation: the engine's results reduced to what CI output needs.
 * Every format (json, sarif, junit, table) is rendered from this one shape.
 */
import type {
  ComplianceEvaluation,
  ComplianceScore,
} from '@squad-insights/backstage-plugin-squad-insights-common';

export interface ReportEvidence {
  address: string;
  attribute: string;
  actual: unknown;
  expected: string;
  source: string;
  note?: string;
}

export interface ReportResult {
  checkId: string;
  title: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  status: 'pass' | 'fail' | 'not-applicable' | 'unknown';
  frameworks: string[];
  controls: string[];
  reason?: string;
  remediation: string;
  waived?: { expiresAt: string; reason?: string };
  evidence: ReportEvidence[];
}

export interface Report {
  service: string;
  policy: { name: string; version?: string };
  results: ReportResult[];
  scores: {
    service: ComplianceScore;
    frameworks: Record<string, ComplianceScore & { applies: boolean }>;
  };
}

export function toReport(
  service: string,
  evaluation: ComplianceEvaluation,
): Report {
  return {
    service,
    policy: evaluation.policy,
    results: evaluation.checks.map(c => ({
      checkId: c.checkId,
      title: c.title,
      severity: c.severity,
      status: c.status,
      frameworks: c.frameworks,
      controls: c.controls,
      ...(c.reason ? { reason: c.reason } : {}),
      remediation: c.remediation,
      ...(c.waiver ? { waived: c.waiver } : {}),
      evidence: c.evidence.map(e => ({
        address: e.address,
        attribute: e.attribute,
        actual: e.actual,
        expected: e.expected,
        source: e.source,
        ...(e.note ? { note: e.note } : {}),
      })),
    })),
    scores: {
      service: evaluation.score,
      frameworks: Object.fromEntries(
        evaluation.frameworks.map(f => [
          f.id,
          { ...f.score, applies: f.applies },
        ]),
      ),
    },
  };
}

/** `actual` may be any JSON value; one line of text for messages and tables. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
