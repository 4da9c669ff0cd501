import type { Catalog, CatalogMetric, CatalogSource } from './build-catalog.js';

/** Text in Markdown: characters that would start formatting or a table cell are escaped. */
export function mdText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** A code span that holds any text, backticks included. */
export function mdCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\n/g, ' ')}${pad}${fence}`;
}

/** A code span inside a table cell, where GitHub needs '|' escaped even in code. */
const cellCode = (text: string): string => mdCode(text).replace(/\|/g, '\\|');

const link = (kind: 'metric' | 'source', id: string): string => `[${mdCode(id)}](#${kind}-${id})`;

function metricSection(m: CatalogMetric): string[] {
  const lines = [`<a id="metric-${m.id}"></a>`, '', `### ${mdText(m.name)} (${mdCode(m.id)})`, ''];
  if (m.description) lines.push(mdText(m.description), '');
  lines.push(
    `- **Value** = ${mdCode(m.formula)}`,
    `- **Unit** ${mdText(m.unit)}, ${m.direction} is better`,
    `- **Version** ${m.version} · **status** ${m.status} · **owner** ${m.owner ? mdText(m.owner) : '(none)'} · **approvers** ${m.approvers.length ? m.approvers.map(mdText).join(', ') : '(none)'}`,
  );
  if (m.parameters.length) lines.push(`- **Parameters** ${m.parameters.map((p) => `${mdCode(p.name)} = ${p.value}`).join(', ')}`);
  if (m.uses.length) lines.push(`- **Uses metrics** ${m.uses.map((id) => link('metric', id)).join(', ')}`);
  lines.push(`- **Used by** ${m.usedBy.length ? m.usedBy.map((id) => link('metric', id)).join(', ') : 'no other metric'}`);
  if (m.minSample) lines.push(`- **Minimum sample** ${m.minSample.min} (${mdCode(m.minSample.sample)}); below it the status is insufficient_sample`);
  if (m.interval) lines.push(`- **95% interval** ${m.interval}`);
  if (m.dimensions.length) lines.push(`- **Segments** ${m.dimensions.map(mdCode).join(', ')}`);
  lines.push(`- **Defined in** ${mdText(m.definedIn)}`, '', '| measure | definition | source, by | description |', '|---|---|---|---|');
  for (const x of m.measures) lines.push(`| ${mdCode(x.name)} | ${cellCode(x.definition)} | ${link('source', x.source)}, ${mdCode(x.timeColumn)} | ${x.description ? mdText(x.description) : ''} |`);
  if (m.exclusions.length) {
    lines.push('', '| excluded | rows of | where | reason |', '|---|---|---|---|');
    for (const e of m.exclusions) lines.push(`| ${mdCode(e.name)} | ${link('source', e.source)} | ${cellCode(e.where)} | ${mdText(e.reason)} |`);
  }
  lines.push('', `Reads: ${m.columns.map((c) => `${link('source', c.source)} (${c.columns.map(mdCode).join(', ')})`).join('; ')}`);
  if (m.changelog.length) {
    lines.push('', '| version | date | author | change |', '|---|---|---|---|');
    for (const c of m.changelog) lines.push(`| ${c.version} | ${c.date} | ${c.author ? mdText(c.author) : ''} | ${mdText(c.change)} |`);
  }
  lines.push('');
  return lines;
}

function sourceSection(s: CatalogSource): string[] {
  const lines = [`<a id="source-${s.id}"></a>`, '', `### ${s.name ? `${mdText(s.name)} (${mdCode(s.id)})` : mdCode(s.id)}`, ''];
  if (s.description) lines.push(mdText(s.description), '');
  lines.push(`- **Time column** ${s.timeColumn ? mdCode(s.timeColumn) : '(none)'}${s.key ? ` · **key** ${mdCode(s.key)}` : ''}`);
  lines.push(`- **Read by** ${s.usedBy.length ? s.usedBy.map((id) => link('metric', id)).join(', ') : 'no metric'}`);
  lines.push(`- **Defined in** ${mdText(s.definedIn)}`, '', '| column | type | required | header aliases | description |', '|---|---|---|---|---|');
  for (const c of s.columns) lines.push(`| ${mdCode(c.name)} | ${c.type} | ${c.required ? 'yes' : ''} | ${c.aliases.map(mdText).join(', ')} | ${c.description ? mdText(c.description) : ''} |`);
  lines.push('');
  return lines;
}

/** The catalog as one Markdown document: an index, then every metric and every source. */
export function formatCatalogMarkdown(catalog: Catalog): string {
  const { library } = catalog;
  const lines = [`# Metric catalog: ${mdText(library.name)}`, ''];
  if (library.description) lines.push(mdText(library.description), '');
  lines.push(`Time zone ${mdText(library.timezone)} · fiscal year starts in month ${library.fiscalYearStartMonth}${library.extends ? ` · extends ${mdCode(library.extends)}` : ''}`, '');
  lines.push('## Metrics', '', '| metric | name | unit | version | status | owner |', '|---|---|---|---|---|---|');
  for (const m of catalog.metrics) lines.push(`| ${link('metric', m.id)} | ${mdText(m.name)} | ${mdText(m.unit)} | ${m.version} | ${m.status} | ${m.owner ? mdText(m.owner) : ''} |`);
  if (catalog.parameters.length) {
    lines.push('', '## Parameters', '', '| parameter | value | unit | description |', '|---|---|---|---|');
    for (const p of catalog.parameters) lines.push(`| ${mdCode(p.name)} | ${p.value} | ${p.unit ? mdText(p.unit) : ''} | ${p.description ? mdText(p.description) : ''} |`);
  }
  lines.push('', '## Metric definitions', '');
  for (const m of catalog.metrics) lines.push(...metricSection(m));
  lines.push('## Sources', '');
  for (const s of catalog.sources) lines.push(...sourceSection(s));
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
