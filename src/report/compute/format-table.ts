import { Chalk, type ChalkInstance } from 'chalk';
import type { MetricStatus } from '../../core/compute/result-types.js';
import { describeAccounting } from './describe-accounting.js';
import { describeSegment, formatDelta, formatInteger, formatInterval, formatValue } from './format-number.js';
import { sparkline } from './sparkline.js';
import type { ComputeFormatter } from './formatter.js';

function statusColor(c: ChalkInstance, status: MetricStatus): (s: string) => string {
  switch (status) {
    case 'on_track':
      return c.green;
    case 'at_risk':
      return c.yellow;
    case 'off_track':
      return c.red;
    default:
      return c.dim;
  }
}

function pad(text: string, width: number, right = false): string {
  const length = [...text].length;
  return right ? ' '.repeat(Math.max(0, width - length)) + text : text + ' '.repeat(Math.max(0, width - length));
}

/** The terminal scorecard: one line per metric (and segment), then what was not counted. */
export const formatTable: ComputeFormatter = (report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const comparing = report.comparison !== null;
  const trending = report.metrics.some((m) => m.trend);
  const header = ['Metric', 'Value', '95% interval', 'n', 'Status'];
  if (comparing) header.push(`Δ vs ${report.comparison!.label}`);
  if (trending) header.push(`Trend (${report.metrics[0]?.trend?.length ?? 0})`);
  const rows: string[][] = [header];
  const kinds: ('metric' | 'segment')[] = ['metric'];
  const statuses: MetricStatus[] = ['no_data'];
  for (const m of report.metrics) {
    const row = [`${m.name} (${m.id})`, formatValue(m.value, m.unit), formatInterval(m.ci95, m.unit), formatInteger(m.n), m.status];
    if (comparing) row.push(formatDelta(m.delta, m.unit));
    if (trending) row.push(sparkline((m.trend ?? []).map((t) => t.value)));
    rows.push(row);
    kinds.push('metric');
    statuses.push(m.status);
    for (const s of m.segments) {
      rows.push([`  ${describeSegment(s.dimensions)}`, formatValue(s.value, m.unit), formatInterval(s.ci95, m.unit), formatInteger(s.n), s.status, ...(comparing ? [''] : []), ...(trending ? [''] : [])]);
      kinds.push('segment');
      statuses.push(s.status);
    }
  }
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => [...r[col]!].length)));
  const lines = [
    c.bold(`${report.library.name} · ${report.period.label} (${report.period.start} to ${report.period.end})`),
    '',
  ];
  rows.forEach((row, i) => {
    const cells = row.map((cell, col) => pad(cell, widths[col]!, col === 1 || col === 3));
    if (i === 0) lines.push(c.dim(cells.join('  ').trimEnd()));
    else {
      cells[4] = statusColor(c, statuses[i]!)(cells[4]!);
      lines.push((kinds[i] === 'segment' ? c.dim(cells.slice(0, 4).join('  ')) + '  ' + cells.slice(4).join('  ') : cells.join('  ')).trimEnd());
    }
  });
  lines.push('', c.bold('Rows'));
  for (const m of report.metrics) {
    for (const line of describeAccounting(m.accounting)) lines.push(`  ${m.id} · ${line}`);
    if (m.value === null && m.reason) lines.push(`  ${m.id} · no value: ${m.reason}`);
  }
  lines.push('', c.dim(`Inputs: ${report.inputs.map((i) => `${i.source} (${i.files.length} file${i.files.length === 1 ? '' : 's'})`).join(', ')}`));
  return `${lines.join('\n')}\n`;
};
