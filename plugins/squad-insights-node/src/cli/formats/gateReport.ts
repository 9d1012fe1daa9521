/*
 * A gate decision for people (text), CI test reports (JUnit: one testcase per reason, blocking
 * ones failed) and code scanning (SARIF: blocking reasons as errors, the others as notes).
 */
import type { GateReason } from '@squad-insights/backstage-plugin-squad-insights-common';
import { xmlEscape } from './junit';

export interface GateReport {
  service: string;
  environment: string;
  allowed: boolean;
  decisionId?: string;
  reasons: GateReason[];
  /** Said first: what the decision could not take into account (offline: reviews). */
  notes: string[];
}

const name = (r: GateReason) => `${r.code}${r.checkId ? ` ${r.checkId}` : ''}`;

export function gateText(report: GateReport): string {
  const head = `${report.allowed ? 'ALLOWED' : 'DENIED'}: ${
    report.service
  } to ${report.environment}${
    report.decisionId ? ` (gate decision ${report.decisionId})` : ''
  }`;
  const lines = report.reasons.map(
    r => `  ${r.blocking ? 'x' : '-'} ${r.message}`,
  );
  return [...report.notes.map(n => `note: ${n}`), head, ...lines, ''].join(
    '\n',
  );
}

export function gateJunit(report: GateReport): string {
  const suite = `squad-insights.gate.${report.service}.${report.environment}`;
  const cases = report.reasons.length
    ? report.reasons.map(r => {
        const open = `    <testcase classname="${xmlEscape(
          suite,
        )}" name="${xmlEscape(name(r))}">`;
        return r.blocking
          ? `${open}\n      <failure message="${xmlEscape(r.message)}" type="${
              r.code
            }"/>\n    </testcase>`
          : `${open}\n      <system-out>${xmlEscape(
              r.message,
            )}</system-out>\n    </testcase>`;
      })
    : [`    <testcase classname="${xmlEscape(suite)}" name="gate"></testcase>`];
  const failures = report.reasons.filter(r => r.blocking).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="squad-insights-gate" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="${xmlEscape(suite)}" tests="${
      cases.length
    }" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

export function gateSarif(report: GateReport) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'squad-insights-gate',
            informationUri: 'https://backstage.io',
            rules: [],
          },
        },
        results: report.reasons.map(r => ({
          ruleId: r.checkId ?? r.code,
          level: r.blocking ? 'error' : 'note',
          message: { text: r.message },
          properties: {
            code: r.code,
            blocking: r.blocking,
            severity: r.severity,
            frameworks: r.frameworks,
          },
          locations: [
            {
              logicalLocations: [
                { fullyQualifiedName: report.service, kind: 'module' },
              ],
            },
          ],
        })),
      },
    ],
  };
}
