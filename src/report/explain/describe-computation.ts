import type { MetricResult } from '../../core/compute/result-types.js';
import { describeAccounting } from '../compute/describe-accounting.js';
import { formatInterval, formatValue } from '../compute/format-number.js';
import type { ComputeReport } from '../compute/report.js';

/** The computation trace of one metric: measures, value, interval and every row accounted for. */
export function describeComputation(report: ComputeReport, result: MetricResult, parameters: readonly string[]): string {
  const lines = ['', `Computed for ${report.period.label} (${report.period.start} to ${report.period.end}):`];
  const width = Math.max(...Object.keys(result.measures).map((k) => k.length));
  for (const [name, value] of Object.entries(result.measures)) lines.push(`  ${name.padEnd(width)}  ${value === null ? '— (no rows)' : String(value)}`);
  for (const [name, value] of Object.entries(report.parameters).filter(([p]) => parameters.includes(p))) lines.push(`  ${name.padEnd(width)}  ${value} (parameter)`);
  lines.push(`  value ${formatValue(result.value, result.unit)}${result.value !== null ? ` (${result.value})` : ` — ${result.reason}`}${result.ci95 ? `, 95% interval ${formatInterval(result.ci95, result.unit)}` : ''}${result.n !== null ? `, n = ${result.n}` : ''}, status ${result.status}`);
  lines.push('', 'Rows:');
  for (const line of describeAccounting(result.accounting)) lines.push(`  ${line}`);
  lines.push('', 'Inputs:');
  for (const input of report.inputs) for (const f of input.files) lines.push(`  ${input.source}  ${f.path}  ${f.rows} rows  sha256 ${f.sha256}`);
  return `${lines.join('\n')}\n`;
}
