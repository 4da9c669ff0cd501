import { describeAccounting } from '../compute/describe-accounting.js';
import { formatDelta, formatInteger, formatInterval, formatValue } from '../compute/format-number.js';
import type { ComputeReport, ReportMetric } from '../compute/report.js';
import { dataValue, html, type Html } from './escape-html.js';
import { segmentBars } from './segment-bars.js';
import { sparklineSvg } from './sparkline-svg.js';
import { judgeDelta, STATUS_LABELS, statusTone, VERDICT_LABELS } from './status-label.js';

function deltaLine(m: ReportMetric, comparison: NonNullable<ComputeReport['comparison']>): Html {
  const verdict = judgeDelta(m.delta, m.direction);
  const arrow = m.delta === null ? '' : m.delta > 0 ? '▲' : m.delta < 0 ? '▼' : '=';
  const previous = m.previous?.value ?? null;
  return html`<p class="delta delta-${verdict}" data-delta="${dataValue(m.delta)}" data-verdict="${verdict}"><span class="delta-arrow" aria-hidden="true">${arrow}</span> <span class="delta-value">${formatDelta(m.delta, m.unit)}</span> vs ${comparison.label} (${formatValue(previous, m.unit)}) · <span class="verdict">${VERDICT_LABELS[verdict]}</span></p>`;
}

function facts(m: ReportMetric): Html {
  const interval = formatInterval(m.ci95, m.unit);
  return html`<dl class="facts"><div><dt>95% interval</dt><dd class="interval">${interval || '—'}</dd></div><div><dt>n</dt><dd class="n" data-n="${dataValue(m.n)}">${formatInteger(m.n)}</dd></div>${
    m.target !== null ? html`<div><dt>Target</dt><dd class="target" data-target="${dataValue(m.target)}">${formatValue(m.target, m.unit)}</dd></div>` : null
  }</dl>`;
}

function accounting(m: ReportMetric): Html {
  const totals = Object.values(m.accounting).reduce((t, a) => ({ read: t.read + a.read, used: t.used + a.used }), { read: 0, used: 0 });
  return html`<details class="accounting"><summary>Rows: ${formatInteger(totals.used)} used of ${formatInteger(totals.read)} read</summary><ul>${
    describeAccounting(m.accounting).map((line) => html`<li>${line}</li>`)
  }</ul></details>`;
}

/** One metric: value and status first, then the change, the trend, segments and row accounting. */
export function metricCard(m: ReportMetric, index: number, report: ComputeReport): Html {
  const tone = statusTone(m.status);
  return html`<article class="card tone-${tone}" id="metric-${index}" data-metric="${m.id}" data-value="${dataValue(m.value)}" data-status="${m.status}" data-unit="${m.unit}" data-direction="${m.direction}">
<header class="card-head"><div class="card-title"><h2 class="metric-name">${m.name}</h2><p class="meta"><code>${m.id}</code> v${m.version} · ${m.direction} is better</p></div><span class="status status-${tone}" data-status="${m.status}">${STATUS_LABELS[m.status]}</span></header>
<p class="headline"><span class="value">${formatValue(m.value, m.unit)}</span>${m.unit === 'percent' ? null : html` <span class="unit">${m.unit}</span>`}</p>
${m.value === null && m.reason ? html`<p class="reason">No value: ${m.reason}</p>` : null}
${report.comparison ? deltaLine(m, report.comparison) : null}
${facts(m)}
${m.trend && m.trend.some((t) => t.value !== null) ? html`<figure class="trend">${sparklineSvg(`spark-${index}`, m.name, m.trend, m.unit)}<figcaption><span>${m.trend[0]!.period}</span><span>Trend, ${m.trend.length} periods</span><span>${m.trend[m.trend.length - 1]!.period}</span></figcaption></figure>` : null}
${m.segments.length > 0 ? segmentBars(m.segments, m.unit) : null}
${accounting(m)}
</article>`;
}
