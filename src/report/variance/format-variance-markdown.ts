import { formatDelta, formatValue } from '../compute/format-number.js';
import { MARKDOWN_LIMIT, mdCell } from '../compute/format-markdown.js';
import { describeVerdict, formatPercent } from './describe-variance.js';
import type { VarianceFormatter } from './variance-formatter.js';

/** For pull requests and wikis; drivers and notes folded into <details>. */
export const formatVarianceMarkdown: VarianceFormatter = (report) => {
  const lines = [
    `### ${mdCell(report.library.name)} · ${report.period.label} against ${mdCell(report.against.label)}`,
    '',
    '| Metric | Actual | Comparator | Variance | % | Verdict | Significance |',
    '|---|---:|---:|---:|---:|---|---|',
  ];
  for (const m of report.metrics) {
    const sig = m.significance ? `p = ${m.significance.p.toFixed(3)}${m.significance.significant ? ' (significant)' : ' (within noise)'}` : '';
    lines.push(`| ${mdCell(m.name)} (\`${m.id}\`) | ${formatValue(m.actual, m.unit)} | ${formatValue(m.comparator, m.unit)} | ${formatDelta(m.variance, m.unit)} | ${formatPercent(m.variance_pct)} | ${describeVerdict(m)} | ${sig} |`);
  }
  const omitted: string[] = [];
  for (const m of report.metrics) {
    if (!m.drivers) continue;
    const block = ['', `<details><summary>${m.id}: drivers by ${mdCell(m.drivers.dimension)}</summary>`, '', '| Segment | Share before → after | Value before → after | Mix | Rate | Total |', '|---|---:|---:|---:|---:|---:|'];
    for (const p of m.drivers.parts) {
      block.push(`| ${mdCell(p.segment ?? '(missing)')} | ${(p.weight_before * 100).toFixed(1)}% → ${(p.weight_after * 100).toFixed(1)}% | ${formatValue(p.value_before, m.unit)} → ${formatValue(p.value_after, m.unit)} | ${p.mix.toFixed(2)} | ${p.rate.toFixed(2)} | ${p.total.toFixed(2)} |`);
    }
    block.push('', '</details>');
    // Keep room for the notes: a comment longer than GitHub allows is refused whole.
    if (lines.join('\n').length + block.join('\n').length > MARKDOWN_LIMIT - 8_000) {
      omitted.push(m.id);
      continue;
    }
    lines.push(...block);
  }
  if (omitted.length > 0) lines.push('', `> Drivers not shown, to stay within a comment's length: ${omitted.join(', ')}. The JSON format has them all.`);
  const noted = report.metrics.filter((m) => m.notes.length > 0);
  if (noted.length > 0) {
    lines.push('', '**Notes**', '');
    for (const m of noted) for (const n of m.notes) lines.push(`- \`${m.id}\`${n.segment ? ` (${mdCell(Object.values(n.segment).join(', '))})` : ''}: ${mdCell(n.text.trim())}${n.author ? ` — ${mdCell(n.author)}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
};
