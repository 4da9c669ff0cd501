import { formatInteger } from '../compute/format-number.js';
import type { ComputeReport } from '../compute/report.js';
import { html, type Html } from './escape-html.js';
import { STATUS_LABELS, statusTone } from './status-label.js';
import type { MetricStatus } from '../../core/compute/result-types.js';

function span(p: { label: string; start: string; end: string }): string {
  return `${p.label} (${p.start} to ${p.end})`;
}

function revision(library: ComputeReport['library']): string {
  if (library.revision === null) return 'not in git';
  return `${library.revision.slice(0, 12)}${library.dirty ? ' (with uncommitted changes)' : ''}`;
}

/** How many metrics are in each status, in a fixed order: the page's one-line summary. */
function statusSummary(report: ComputeReport): Html {
  const order = Object.keys(STATUS_LABELS) as MetricStatus[];
  const counts = order.map((s) => [s, report.metrics.filter((m) => m.status === s).length] as const).filter(([, n]) => n > 0);
  return html`<ul class="summary" aria-label="Metrics by status">${counts.map(([s, n]) => html`<li class="status status-${statusTone(s)}" data-status="${s}">${STATUS_LABELS[s]}: ${n}</li>`)}</ul>`;
}

export function pageHeader(report: ComputeReport): Html {
  const params = Object.entries(report.parameters);
  return html`<header class="page-head">
<h1>${report.library.name} <span class="muted">· ${report.period.label}</span></h1>
<dl class="report-facts">
<div><dt>Period</dt><dd data-fact="period">${span(report.period)}</dd></div>
<div><dt>Compared with</dt><dd data-fact="comparison">${report.comparison ? span(report.comparison) : 'no comparison'}</dd></div>
<div><dt>Library</dt><dd data-fact="library">${report.library.name} (${report.library.path})</dd></div>
<div><dt>Revision</dt><dd data-fact="revision"><code>${revision(report.library)}</code></dd></div>
${report.dimensions.length ? html`<div><dt>Segmented by</dt><dd data-fact="dimensions">${report.dimensions.join(', ')}</dd></div>` : null}
${params.length ? html`<div><dt>Parameters</dt><dd data-fact="parameters">${params.map(([k, v]) => `${k} = ${v}`).join(', ')}</dd></div>` : null}
<div><dt>Generated</dt><dd data-fact="generated">rmos ${report.rmos}${report.generated_at ? ` at ${report.generated_at}` : ''}</dd></div>
</dl>
${statusSummary(report)}
</header>`;
}

export function pageFooter(report: ComputeReport): Html {
  return html`<footer class="page-foot">
<section><h2>Inputs</h2><table class="inputs"><thead><tr><th scope="col">Source</th><th scope="col">File</th><th scope="col" class="num">Rows</th><th scope="col">sha256</th></tr></thead><tbody>${
    report.inputs.flatMap((input) => input.files.map((f) => html`<tr><td>${input.source}</td><td class="path">${f.path}</td><td class="num">${formatInteger(f.rows)}</td><td><code class="hash">${f.sha256}</code></td></tr>`))
  }</tbody></table></section>
<section><h2>Definitions</h2><table class="definitions"><thead><tr><th scope="col">Metric</th><th scope="col">Version</th><th scope="col">Fingerprint</th></tr></thead><tbody>${
    report.metrics.map((m) => html`<tr><td><code>${m.id}</code></td><td>${m.version}</td><td><code class="hash">${m.fingerprint}</code></td></tr>`)
  }</tbody></table></section>
<p class="muted">Values are rounded for reading; the unrounded numbers are in this page's data-value attributes and in <code>--format json</code>.</p>
</footer>`;
}
