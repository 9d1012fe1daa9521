/*
 * SARIF 2.1.0 for code-scanning UIs. Terraform resources have no source file here, so a
 * finding is located logically: the resource address as fullyQualifiedName.
 */
import type { Report, ReportResult } from './report';
import { showValue } from './report';

const LEVEL: Record<ReportResult['severity'], 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

export function toSarif(report: Report) {
  const reported = report.results.filter(
    r => r.status === 'fail' || r.status === 'unknown',
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'squad-insights',
            informationUri: 'https://backstage.io',
            semanticVersion: report.policy.version,
            rules: report.results.map(r => ({
              id: r.checkId,
              name: r.checkId,
              shortDescription: { text: r.title },
              help: { text: r.remediation || r.title },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: {
                severity: r.severity,
                frameworks: r.frameworks,
                controls: r.controls,
              },
            })),
          },
        },
        results: reported.flatMap(r => resultsOf(r, report.service)),
      },
    ],
  };
}

/** One SARIF result per evidence item (per resource); a check without evidence gets one. */
function resultsOf(r: ReportResult, service: string) {
  // Unknown is not a finding but shouldn't vanish either: reported as a note.
  const level = r.status === 'unknown' ? 'note' : LEVEL[r.severity];
  const base = {
    ruleId: r.checkId,
    level,
    ...(r.waived
      ? {
          suppressions: [
            {
              kind: 'external',
              justification:
                r.waived.reason ?? `waived until ${r.waived.expiresAt}`,
            },
          ],
        }
      : {}),
    properties: { status: r.status, severity: r.severity },
  };
  const prefix = r.status === 'unknown' ? `${r.title}: unknown` : r.title;
  if (!r.evidence.length) {
    return [
      {
        ...base,
        message: { text: `${prefix}${r.reason ? ` (${r.reason})` : ''}` },
        locations: [
          {
            logicalLocations: [{ fullyQualifiedName: service, kind: 'module' }],
          },
        ],
      },
    ];
  }
  return r.evidence.map(e => ({
    ...base,
    message: {
      text: `${prefix}: ${e.address} ${e.attribute} is ${showValue(
        e.actual,
      )}, expected ${e.expected}${e.note ? ` (${e.note})` : ''}`,
    },
    locations: [
      {
        logicalLocations: [{ fullyQualifiedName: e.address, kind: 'resource' }],
      },
    ],
  }));
}
