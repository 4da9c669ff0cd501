import { formatDelta, formatValue } from '../compute/format-number.js';
import { describeVerdict, formatPercent } from '../variance/describe-variance.js';
import type { VarianceMetric, VarianceReport } from '../variance/variance-report.js';
import { dataValue, html, type Html } from './escape-html.js';
import { htmlDocument } from './html-document.js';
import { driverWaterfall } from './driver-waterfall.js';
import { PAGE_STYLES } from './page-styles.js';

const VARIANCE_STYLES = `
table.variance{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
table.variance th,table.variance td{padding:.45rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
table.variance td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.beyond.unfavourable td:first-child{border-left:4px solid var(--bad)}
tr.beyond.favourable td:first-child{border-left:4px solid var(--good)}
.table-wrap{overflow-x:auto}
section.drivers{margin-top:1.5rem;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem;break-inside:avoid}
.waterfall{max-width:40rem;font-size:11px}
.waterfall .up{fill:var(--good)}.waterfall .down{fill:var(--bad)}.waterfall .axis{stroke:var(--line)}
.notes li{margin:.25rem 0}
`;

function verdictClass(m: VarianceMetric): string {
  return [m.beyond_tolerance ? 'beyond' : '', m.favourable === true ? 'favourable' : m.favourable === false ? 'unfavourable' : ''].filter(Boolean).join(' ');
}

function metricRow(m: VarianceMetric): Html {
  const sig = m.significance ? `p = ${m.significance.p.toFixed(3)}, ${m.significance.significant ? 'significant' : 'within noise'}` : '';
  return html`<tr class="${verdictClass(m)}" data-metric="${m.id}" data-actual="${dataValue(m.actual)}" data-comparator="${dataValue(m.comparator)}" data-variance="${dataValue(m.variance)}">
<td><strong>${m.name}</strong> <code>${m.id}</code> <span class="muted">v${m.version}</span></td>
<td class="num">${formatValue(m.actual, m.unit)}</td><td class="num">${formatValue(m.comparator, m.unit)}</td>
<td class="num">${formatDelta(m.variance, m.unit)}</td><td class="num">${formatPercent(m.variance_pct)}</td>
<td>${describeVerdict(m)}${m.reason ? html`<br><span class="muted">${m.reason}</span>` : ''}</td><td>${sig}</td></tr>\n`;
}

/** The month-end variance report as one self-contained page: table, driver waterfalls, notes. */
export function renderVarianceHtml(report: VarianceReport): string {
  const comparatorHeader = report.against.period ? report.against.period.label : report.against.kind.charAt(0).toUpperCase() + report.against.kind.slice(1);
  const noted = report.metrics.filter((m) => m.notes.length > 0);
  const body = html`<header class="page-head"><h1>${report.library.name} <span class="muted">· ${report.period.label} (${report.period.start} to ${report.period.end}) against ${report.against.label}</span></h1>
<p class="muted">Library ${report.library.path}${report.library.revision ? ` at ${report.library.revision.slice(0, 12)}${report.library.dirty ? ' (with uncommitted changes)' : ''}` : ''} · rmos ${report.rmos}</p></header>
<div class="table-wrap"><table class="variance">
<thead><tr><th>Metric</th><th>Actual</th><th>${comparatorHeader}</th><th>Variance</th><th>%</th><th>Verdict</th><th>Significance</th></tr></thead>
<tbody>
${report.metrics.map(metricRow)}</tbody></table></div>
${report.metrics.filter((m) => m.drivers).map((m) => html`<section class="drivers" data-metric="${m.id}"><h2>${m.name}: change ${formatDelta(m.variance, m.unit)} by ${m.drivers!.dimension}</h2>
${driverWaterfall(m.drivers!, m.unexplained, (n) => formatDelta(n, m.unit), m.direction)}</section>\n`)}
${noted.length > 0 ? html`<section class="drivers notes"><h2>Notes</h2><ul>${noted.flatMap((m) => m.notes.map((n) => html`<li><code>${m.id}</code>${n.segment ? ` (${Object.values(n.segment).join(', ')})` : ''}: ${n.text.trim()}${n.author ? html` <span class="muted">— ${n.author}</span>` : ''}</li>`))}</ul></section>` : ''}
<footer class="muted"><p>Inputs: ${report.inputs.flatMap((i) => i.files.map((f) => `${f.path} (sha256 ${f.sha256.slice(0, 12)})`)).join(', ')}</p>
<p>Fingerprints: ${report.metrics.map((m) => `${m.id} ${m.fingerprint}`).join(', ')}</p></footer>
`;
  const title = `${report.library.name} · ${report.period.label} against ${report.against.label}`;
  return htmlDocument({ title, generator: report.rmos, styles: PAGE_STYLES + VARIANCE_STYLES, body });
}
