import type { Catalog, CatalogMetric, CatalogSource } from './build-catalog.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const e = escapeHtml;
const code = (text: string): string => `<code>${e(text)}</code>`;
const link = (kind: 'metric' | 'source', id: string): string => `<a href="#${kind}-${e(id)}"><code>${e(id)}</code></a>`;
const list = (items: readonly string[], none: string): string => (items.length ? items.join(', ') : none);

const STYLE = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;max-width:1100px;margin:2rem auto;padding:0 1rem}
h1,h2,h3{line-height:1.25}h2{border-bottom:1px solid #d0d7de;padding-bottom:.3rem;margin-top:2.5rem}h3{margin-top:2rem}
table{border-collapse:collapse;margin:.75rem 0;width:100%}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;padding:.1rem .3rem;border-radius:4px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
.formula{font-size:1.1rem}.status-approved{color:#1a7f37}.status-draft{color:#9a6700}.status-deprecated{color:#cf222e}`;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>\n${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}\n</tbody></table>`;
}

function metricSection(m: CatalogMetric): string {
  const facts: [string, string][] = [
    ['Value', `<span class="formula">${code(m.formula)}</span>`],
    ['Unit', `${e(m.unit)}, ${e(m.direction)} is better`],
    ['Version', `${e(m.version)} <span class="status-${e(m.status)}">${e(m.status)}</span>`],
    ['Owner', m.owner ? e(m.owner) : '(none)'],
    ['Approvers', list(m.approvers.map(e), '(none)')],
    ...(m.parameters.length ? [['Parameters', m.parameters.map((p) => `${code(p.name)} = ${p.value}`).join(', ')] as [string, string]] : []),
    ...(m.uses.length ? [['Uses metrics', m.uses.map((id) => link('metric', id)).join(', ')] as [string, string]] : []),
    ['Used by', list(m.usedBy.map((id) => link('metric', id)), 'no other metric')],
    ...(m.minSample ? [['Minimum sample', `${m.minSample.min} (${code(m.minSample.sample)}); below it the status is insufficient_sample`] as [string, string]] : []),
    ...(m.interval ? [['95% interval', e(m.interval)] as [string, string]] : []),
    ...(m.dimensions.length ? [['Segments', m.dimensions.map(code).join(', ')] as [string, string]] : []),
    ['Reads', m.columns.map((c) => `${link('source', c.source)} (${c.columns.map(code).join(', ')})`).join('; ')],
    ['Defined in', e(m.definedIn)],
  ];
  const parts = [`<section id="metric-${e(m.id)}">`, `<h3>${e(m.name)} (${code(m.id)})</h3>`];
  if (m.description) parts.push(`<p>${e(m.description)}</p>`);
  parts.push(`<dl>${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>`);
  parts.push(table(['measure', 'definition', 'source, by', 'description'], m.measures.map((x) => [code(x.name), code(x.definition), `${link('source', x.source)}, ${code(x.timeColumn)}`, e(x.description ?? '')])));
  if (m.exclusions.length) parts.push(table(['excluded', 'rows of', 'where', 'reason'], m.exclusions.map((x) => [code(x.name), link('source', x.source), code(x.where), e(x.reason)])));
  if (m.changelog.length) parts.push(table(['version', 'date', 'author', 'change'], m.changelog.map((c) => [e(c.version), e(c.date), e(c.author ?? ''), e(c.change.trim())])));
  parts.push('</section>');
  return parts.join('\n');
}

function sourceSection(s: CatalogSource): string {
  const parts = [`<section id="source-${e(s.id)}">`, `<h3>${s.name ? `${e(s.name)} (${code(s.id)})` : code(s.id)}</h3>`];
  if (s.description) parts.push(`<p>${e(s.description)}</p>`);
  const facts: [string, string][] = [
    ['Time column', s.timeColumn ? code(s.timeColumn) : '(none)'],
    ...(s.key ? [['Key', code(s.key)] as [string, string]] : []),
    ['Read by', list(s.usedBy.map((id) => link('metric', id)), 'no metric')],
    ['Defined in', e(s.definedIn)],
  ];
  parts.push(`<dl>${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>`);
  parts.push(table(['column', 'type', 'required', 'header aliases', 'description'], s.columns.map((c) => [code(c.name), e(c.type), c.required ? 'yes' : '', c.aliases.map(e).join(', '), e(c.description?.trim() ?? '')])));
  parts.push('</section>');
  return parts.join('\n');
}

/** The catalog as one self-contained HTML page: inline CSS, no scripts, every text escaped. */
export function formatCatalogHtml(catalog: Catalog): string {
  const { library } = catalog;
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Metric catalog: ${e(library.name)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>Metric catalog: ${e(library.name)}</h1>`,
  ];
  if (library.description) parts.push(`<p>${e(library.description)}</p>`);
  parts.push(`<p>Time zone ${e(library.timezone)} · fiscal year starts in month ${library.fiscalYearStartMonth}${library.extends ? ` · extends ${code(library.extends)}` : ''}</p>`);
  parts.push('<h2>Metrics</h2>', table(['metric', 'name', 'unit', 'version', 'status', 'owner'], catalog.metrics.map((m) => [link('metric', m.id), e(m.name), e(m.unit), e(m.version), e(m.status), e(m.owner ?? '')])));
  if (catalog.parameters.length) {
    parts.push('<h2>Parameters</h2>', table(['parameter', 'value', 'unit', 'description'], catalog.parameters.map((p) => [code(p.name), String(p.value), e(p.unit ?? ''), e(p.description ?? '')])));
  }
  parts.push('<h2>Metric definitions</h2>', ...catalog.metrics.map(metricSection));
  parts.push('<h2>Sources</h2>', ...catalog.sources.map(sourceSection));
  parts.push('</body>', '</html>');
  return `${parts.join('\n')}\n`;
}
