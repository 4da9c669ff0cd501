import { describeSegment } from '../compute/format-number.js';
import { mdCell } from '../compute/format-markdown.js';
import { describeChangeDetail, describeImpact, describeRevision, describeSummary, describeVersion } from './describe-diff.js';
import type { DiffFormatter } from './diff-report.js';

/** The diff for a pull request or a note to Finance. */
export const formatDiffMarkdown: DiffFormatter = (report) => {
  const lines = [`### ${mdCell(report.library.name)}: ${mdCell(describeRevision(report.from))} → ${mdCell(describeRevision(report.to))}`, '', describeSummary(report), ''];
  const shown = report.metrics.filter((m) => m.status !== 'unchanged');
  if (shown.length > 0) {
    const withValues = report.period !== null;
    lines.push(withValues ? `| Metric | Change | Version | ${mdCell(report.period!.label)} |` : '| Metric | Change | Version |', withValues ? '|---|---|---|---|' : '|---|---|---|');
    for (const m of shown) {
      const value = withValues ? ` ${m.impact ? mdCell(describeImpact(m.impact.from, m.impact.to, m.impact.difference, m.unit)) : ''} |` : '';
      lines.push(`| **${mdCell(m.name)}** (\`${m.id}\`) | ${m.status} | ${mdCell(describeVersion(m))} |${value}`);
    }
    for (const m of shown) {
      if (m.changes.length === 0 && !(m.impact && m.impact.segments.length > 0)) continue;
      lines.push('', `#### \`${m.id}\``, '');
      for (const c of m.changes) lines.push(`- ${mdCell(describeChangeDetail(c))}`);
      for (const s of m.impact?.segments ?? []) lines.push(`- ${mdCell(describeSegment(s.dimensions))}: ${mdCell(describeImpact(s.from, s.to, s.difference, m.unit))}`);
    }
  }
  lines.push('', `<sub>rmos ${report.rmos} · fingerprints: ${report.metrics.filter((m) => m.math_changed).map((m) => `${m.id} \`${m.fingerprint.from ?? '—'}\` → \`${m.fingerprint.to ?? '—'}\``).join(', ') || 'no math changed'}</sub>`);
  return `${lines.join('\n')}\n`;
};
