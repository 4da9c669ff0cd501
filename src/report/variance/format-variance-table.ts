import { Chalk } from 'chalk';
import { formatDelta, formatValue } from '../compute/format-number.js';
import type { VarianceFormatter } from './variance-formatter.js';
import { describeVerdict, formatPercent } from './describe-variance.js';

/** The close-pack view in a terminal: one line per metric, then drivers and notes. */
export const formatVarianceTable: VarianceFormatter = (report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const kind = report.against.kind;
  const comparatorHeader = report.against.period ? report.against.period.label : kind.charAt(0).toUpperCase() + kind.slice(1);
  const rows = [['Metric', 'Actual', comparatorHeader, 'Variance', '%', 'Verdict', 'Significance']];
  for (const m of report.metrics) {
    rows.push([
      `${m.name} (${m.id})`,
      formatValue(m.actual, m.unit),
      formatValue(m.comparator, m.unit),
      formatDelta(m.variance, m.unit),
      formatPercent(m.variance_pct),
      describeVerdict(m),
      m.significance ? `p = ${m.significance.p.toFixed(3)}${m.significance.significant ? ', significant' : ', within noise'}` : '',
    ]);
  }
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => [...r[col]!].length)));
  const lines = [c.bold(`${report.library.name} · ${report.period.label} against ${report.against.label}`), ''];
  rows.forEach((row, i) => {
    const text = row.map((cell, col) => (col >= 1 && col <= 4 ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join('  ').trimEnd();
    if (i === 0) return lines.push(c.dim(text));
    const m = report.metrics[i - 1]!;
    lines.push(m.beyond_tolerance ? (m.favourable ? c.green(text) : c.red(text)) : text);
  });
  for (const m of report.metrics) {
    if (m.reason) lines.push(`  ${m.id}: ${m.reason}`);
  }
  for (const m of report.metrics) {
    if (!m.drivers) continue;
    lines.push('', c.bold(`${m.id}: change ${formatDelta(m.variance, m.unit)} by ${m.drivers.dimension} (weights: ${m.drivers.weight})`));
    lines.push(c.dim(`  ${'segment'.padEnd(14)} ${'share'.padStart(13)}  ${'value'.padStart(15)}  ${'mix'.padStart(8)}  ${'rate'.padStart(8)}  ${'total'.padStart(8)}`));
    for (const p of m.drivers.parts) {
      const share = `${(p.weight_before * 100).toFixed(0)}→${(p.weight_after * 100).toFixed(0)}%`;
      const value = `${formatValue(p.value_before, m.unit)}→${formatValue(p.value_after, m.unit)}`;
      lines.push(`  ${(p.segment ?? '(missing)').padEnd(14)} ${share.padStart(13)}  ${value.padStart(15)}  ${p.mix.toFixed(2).padStart(8)}  ${p.rate.toFixed(2).padStart(8)}  ${p.total.toFixed(2).padStart(8)}`);
    }
    if (m.unexplained !== null && Math.abs(m.unexplained) > 1e-9) lines.push(c.dim(`  not attributed to a segment: ${m.unexplained.toFixed(2)}`));
  }
  const noted = report.metrics.filter((m) => m.notes.length > 0);
  if (noted.length > 0) {
    lines.push('', c.bold('Notes'));
    for (const m of noted) for (const n of m.notes) lines.push(`  ${m.id}${n.segment ? ` (${Object.values(n.segment).join(', ')})` : ''}: ${n.text.trim()}${n.author ? ` — ${n.author}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
};
