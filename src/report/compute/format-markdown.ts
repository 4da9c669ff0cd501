import { describeAccounting } from './describe-accounting.js';
import { describeSegment, formatDelta, formatInteger, formatInterval, formatValue } from './format-number.js';
import type { ComputeFormatter } from './formatter.js';
import type { ComputeReport, ReportMetric } from './report.js';

/** GitHub refuses comments longer than 65,536 characters; keep a margin for quoting. */
export const MARKDOWN_LIMIT = 65_000;

/** Text safe inside a GitHub-flavoured Markdown table cell. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([<>*_`[\]])/g, '\\$1');
}

function metricRow(m: ReportMetric, comparing: boolean): string {
  return `| **${mdCell(m.name)}** (\`${m.id}\` v${m.version}) | ${formatValue(m.value, m.unit)} | ${formatInterval(m.ci95, m.unit)} | ${formatInteger(m.n)} | ${m.status} |${comparing ? ` ${formatDelta(m.delta, m.unit)} |` : ''}`;
}

function segmentRows(m: ReportMetric, comparing: boolean): string[] {
  return m.segments.map((s) => `| ↳ ${mdCell(describeSegment(s.dimensions))} | ${formatValue(s.value, m.unit)} | ${formatInterval(s.ci95, m.unit)} | ${formatInteger(s.n)} | ${s.status} |${comparing ? ' |' : ''}`);
}

function header(report: ComputeReport): string[] {
  const comparing = report.comparison !== null;
  return [
    `### ${mdCell(report.library.name)} · ${report.period.label} (${report.period.start} to ${report.period.end})`,
    '',
    `| Metric | Value | 95% interval | n | Status |${comparing ? ` Δ vs ${report.comparison!.label} |` : ''}`,
    `|---|---:|---|---:|---|${comparing ? '---:|' : ''}`,
  ];
}

function footer(report: ComputeReport): string[] {
  const lines = ['', '<details><summary>Rows counted and not counted</summary>', ''];
  for (const m of report.metrics) for (const line of describeAccounting(m.accounting)) lines.push(`- \`${m.id}\` ${mdCell(line)}`);
  lines.push('', '</details>', '', '<details><summary>Inputs</summary>', '');
  for (const input of report.inputs) for (const f of input.files) lines.push(`- \`${input.source}\` ${mdCell(f.path)} — ${formatInteger(f.rows)} rows, sha256 \`${f.sha256.slice(0, 12)}\``);
  lines.push('', '</details>', '', `<sub>rmos ${report.rmos} · library ${mdCell(report.library.name)}${report.library.revision ? ` at \`${report.library.revision.slice(0, 12)}\`${report.library.dirty ? ' (modified)' : ''}` : ''} · fingerprints: ${report.metrics.map((m) => `${m.id} \`${m.fingerprint}\``).join(', ')}</sub>`);
  return lines;
}

/**
 * A scorecard for pull requests and wikis, with row accounting folded away. When
 * segments would make it longer than a GitHub comment allows, they move into one
 * folded table per metric, and what still does not fit is named, not dropped silently.
 */
export const formatMarkdown: ComputeFormatter = (report) => {
  const comparing = report.comparison !== null;
  const full = [...header(report)];
  for (const m of report.metrics) full.push(metricRow(m, comparing), ...segmentRows(m, comparing));
  const text = `${[...full, ...footer(report)].join('\n')}\n`;
  if (text.length <= MARKDOWN_LIMIT) return text;

  const lines = [...header(report), ...report.metrics.map((m) => metricRow(m, comparing))];
  const tail = footer(report);
  let used = lines.join('\n').length + tail.join('\n').length + 400;
  const omitted: string[] = [];
  for (const m of report.metrics) {
    if (m.segments.length === 0) continue;
    const block = ['', `<details><summary>${mdCell(m.name)}: ${m.segments.length} segments</summary>`, '', '| Segment | Value | 95% interval | n | Status |', '|---|---:|---|---:|---|'];
    const rows = segmentRows(m, false);
    let shown = 0;
    for (const row of rows) {
      if (used + block.join('\n').length + row.length + 40 > MARKDOWN_LIMIT) break;
      block.push(row);
      shown++;
    }
    if (shown < rows.length) omitted.push(`${m.id}: ${rows.length - shown} of ${rows.length} segments`);
    if (shown > 0) {
      block.push('', '</details>');
      lines.push(...block);
      used += block.join('\n').length;
    }
  }
  if (omitted.length > 0) lines.push('', `> Not shown, to stay within a comment's length: ${omitted.join('; ')}. The JSON and CSV formats have every segment.`);
  return `${[...lines, ...tail].join('\n')}\n`;
};
