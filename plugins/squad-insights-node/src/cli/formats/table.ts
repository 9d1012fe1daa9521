/* The human format: only what needs attention (failing and unknown checks), then the scores. */
import type { Report } from './report';
import { showValue } from './report';

const pct = (s: number | null) =>
  s === null ? '   n/a' : `${(s * 100).toFixed(1).padStart(5)}%`;

export function toTable(report: Report): string {
  const shown = report.results.filter(
    r => r.status === 'fail' || r.status === 'unknown',
  );
  const lines = [
    `${report.service}: ${report.policy.name}${
      report.policy.version ? ` ${report.policy.version}` : ''
    }`,
  ];
  if (!shown.length) lines.push('no failing or unknown checks');
  else {
    const w = Math.max(5, ...shown.map(r => r.checkId.length));
    lines.push(
      `${'status'.padEnd(9)}${'severity'.padEnd(10)}${'check'.padEnd(
        w + 2,
      )}title`,
    );
    for (const r of shown) {
      const status = r.waived ? 'waived' : r.status;
      lines.push(
        `${status.padEnd(9)}${r.severity.padEnd(10)}${r.checkId.padEnd(w + 2)}${
          r.title
        }`,
      );
      // A tag missing everywhere would list every resource: the first few tell the story.
      for (const e of r.evidence.slice(0, 5)) {
        lines.push(
          `${' '.repeat(19)}${e.address} ${e.attribute}: ${showValue(
            e.actual,
          )} (expected ${e.expected})`,
        );
      }
      if (r.evidence.length > 5)
        lines.push(
          `${' '.repeat(19)}... and ${
            r.evidence.length - 5
          } more (see --format json)`,
        );
      if (r.reason) lines.push(`${' '.repeat(19)}${r.reason}`);
    }
  }
  const s = report.scores.service;
  lines.push(
    '',
    `score ${pct(s.score)}  passed ${s.passed}  failed ${s.failed}  waived ${
      s.waived
    }  unknown ${s.unknown}  n/a ${s.notApplicable}`,
  );
  for (const [id, f] of Object.entries(report.scores.frameworks)) {
    if (f.applies)
      lines.push(`  ${id.padEnd(28)}${pct(f.score)}  failed ${f.failed}`);
  }
  return `${lines.join('\n')}\n`;
}
