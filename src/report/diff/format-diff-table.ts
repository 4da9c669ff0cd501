import { describeSegment } from '../compute/format-number.js';
import { describeChangeDetail, describeImpact, describeRevision, describeSummary, describeVersion } from './describe-diff.js';
import type { DiffFormatter } from './diff-report.js';

/** The diff for a terminal: one block per metric that differs. */
export const formatDiffTable: DiffFormatter = (report) => {
  const lines = [`${report.library.name}: ${describeRevision(report.from)} → ${describeRevision(report.to)}`, describeSummary(report)];
  if (report.period) lines.push(`Values over ${report.period.label} (${report.period.start} to ${report.period.end}), both versions on the same data`);
  for (const m of report.metrics) {
    if (m.status === 'unchanged') continue;
    lines.push('', `${m.status === 'added' ? '+' : m.status === 'removed' ? '-' : '~'} ${m.name} (${m.id})  ${describeVersion(m)}`);
    for (const c of m.changes) lines.push(`    ${describeChangeDetail(c)}`);
    if (m.impact) {
      lines.push(`    value: ${describeImpact(m.impact.from, m.impact.to, m.impact.difference, m.unit)}`);
      for (const s of m.impact.segments) lines.push(`      ${describeSegment(s.dimensions)}: ${describeImpact(s.from, s.to, s.difference, m.unit)}`);
    }
  }
  const unchanged = report.metrics.filter((m) => m.status === 'unchanged').map((m) => m.id);
  if (unchanged.length > 0) lines.push('', `Unchanged: ${unchanged.join(', ')}`);
  return `${lines.join('\n')}\n`;
};
