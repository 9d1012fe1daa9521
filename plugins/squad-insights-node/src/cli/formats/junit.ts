/*
 * JUnit XML for CI test reports: one testcase per check. `fail` is a <failure>, unknown and
 * not-applicable are <skipped> (neither evidence of compliance nor of a breach).
 */
import type { Report, ReportResult } from './report';
import { showValue } from './report';

/** Escapes text and attribute values; also drops characters XML 1.0 cannot hold at all. */
export function xmlEscape(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

function testcase(r: ReportResult, suite: string): string {
  const open = `    <testcase classname="${xmlEscape(suite)}" name="${xmlEscape(
    `${r.checkId}: ${r.title}`,
  )}">`;
  if (r.status === 'pass') return `${open}</testcase>`;
  if (r.status === 'fail' && !r.waived) {
    const body = r.evidence
      .map(
        e =>
          `${e.address} ${e.attribute}: ${showValue(e.actual)}, expected ${
            e.expected
          }`,
      )
      .concat(
        r.reason ? [r.reason] : [],
        r.remediation ? [`remediation: ${r.remediation}`] : [],
      )
      .join('\n');
    return `${open}\n      <failure message="${xmlEscape(
      `${r.severity}: ${r.title}`,
    )}" type="${r.severity}">${xmlEscape(body)}</failure>\n    </testcase>`;
  }
  const why = r.waived
    ? `waived until ${r.waived.expiresAt}`
    : `${r.status}${r.reason ? `: ${r.reason}` : ''}`;
  return `${open}\n      <skipped message="${xmlEscape(
    why,
  )}"/>\n    </testcase>`;
}

export function toJunit(report: Report): string {
  const suite = `squad-insights.${report.service}`;
  const failures = report.results.filter(
    r => r.status === 'fail' && !r.waived,
  ).length;
  const skipped = report.results.filter(
    r => r.status !== 'pass' && !(r.status === 'fail' && !r.waived),
  ).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="squad-insights" tests="${report.results.length}" failures="${failures}">`,
    `  <testsuite name="${xmlEscape(suite)}" tests="${
      report.results.length
    }" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...report.results.map(r => testcase(r, suite)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
