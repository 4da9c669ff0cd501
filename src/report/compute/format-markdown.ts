import { describeAccounting } from './describe-accounting.js';
import { describeSegment, formatInteger, formatInterval, formatValue } from './format-number.js';
import type { ComputeFormatter } from './formatter.js';

/** Text safe inside a GitHub-flavoured Markdown table cell. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([<>*_`[\]])/g, '\\$1');
}

/** A scorecard for pull requests and wikis, with row accounting folded away. */
export const formatMarkdown: ComputeFormatter = (report) => {
  const lines = [
    `### ${mdCell(report.library.name)} · ${report.period.label} (${report.period.start} to ${report.period.end})`,
    '',
    '| Metric | Value | 95% interval | n | Status |',
    '|---|---:|---|---:|---|',
  ];
  for (const m of report.metrics) {
    lines.push(`| **${mdCell(m.name)}** (\`${m.id}\` v${m.version}) | ${formatValue(m.value, m.unit)} | ${formatInterval(m.ci95, m.unit)} | ${formatInteger(m.n)} | ${m.status} |`);
    for (const s of m.segments) {
      lines.push(`| ↳ ${mdCell(describeSegment(s.dimensions))} | ${formatValue(s.value, m.unit)} | ${formatInterval(s.ci95, m.unit)} | ${formatInteger(s.n)} | ${s.status} |`);
    }
  }
  lines.push('', '<details><summary>Rows counted and not counted</summary>', '');
  for (const m of report.metrics) for (const line of describeAccounting(m.accounting)) lines.push(`- \`${m.id}\` ${mdCell(line)}`);
  lines.push('', '</details>', '', '<details><summary>Inputs</summary>', '');
  for (const input of report.inputs) for (const f of input.files) lines.push(`- \`${input.source}\` ${mdCell(f.path)} — ${formatInteger(f.rows)} rows, sha256 \`${f.sha256.slice(0, 12)}\``);
  lines.push('', '</details>', '', `<sub>rmos ${report.rmos} · library ${mdCell(report.library.name)}${report.library.revision ? ` at \`${report.library.revision.slice(0, 12)}\`${report.library.dirty ? ' (modified)' : ''}` : ''} · fingerprints: ${report.metrics.map((m) => `${m.id} \`${m.fingerprint}\``).join(', ')}</sub>`);
  return `${lines.join('\n')}\n`;
};
