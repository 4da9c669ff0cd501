import { describe, expect, it } from 'vitest';
import { analyzeLibrary } from '../../../src/core/library/analyze-metric.js';
import { loadLibrary } from '../../../src/io/library/load-library.js';
import { buildCatalog } from '../../../src/report/catalog/build-catalog.js';
import { escapeHtml, formatCatalogHtml } from '../../../src/report/catalog/format-html.js';
import { formatCatalogMarkdown, mdCode, mdText } from '../../../src/report/catalog/format-markdown.js';

const loaded = loadLibrary('test/report/catalog/library');
const catalog = buildCatalog(analyzeLibrary(loaded.library), (file) => (loaded.library.ownFiles.has(file) ? 'own' : 'rmos:standard'));

describe('buildCatalog', () => {
  it('lists every metric, inherited ones too, sorted by id, with who depends on whom', () => {
    expect(catalog.metrics.map((m) => m.id)).toEqual(['cac_payback', 'ces', 'csat', 'fcr', 'nps', 'nps_gap', 'romi']);
    const nps = catalog.metrics.find((m) => m.id === 'nps')!;
    expect(nps.usedBy).toEqual(['nps_gap']);
    expect(nps.definedIn).toBe('rmos:standard');
    const gap = catalog.metrics.find((m) => m.id === 'nps_gap')!;
    expect(gap.uses).toEqual(['nps']);
    expect(gap.definedIn).toBe('own');
  });

  it('renders formulas and conditions readably and lists the columns each metric reads', () => {
    const nps = catalog.metrics.find((m) => m.id === 'nps')!;
    expect(nps.formula).toBe('100 × (promoters − detractors) / responses');
    expect(nps.measures.map((m) => m.definition)).toEqual(['count of nps_score', 'count of nps_score where nps_score ≥ 9', 'count of nps_score where nps_score ≤ 6']);
    expect(nps.columns).toEqual([{ source: 'survey_responses', columns: ['is_test', 'nps_score', 'submitted_at'] }]);
    const romi = catalog.metrics.find((m) => m.id === 'romi')!;
    expect(romi.parameters).toEqual([{ name: 'gross_margin', value: 0.65 }]);
    expect(catalog.sources.find((s) => s.id === 'spend')!.usedBy).toEqual(['cac_payback', 'romi']);
  });
});

describe('catalog formats', () => {
  it('markdown: an index linking to each metric section, and escaped text', () => {
    const md = formatCatalogMarkdown(catalog);
    expect(md.startsWith('# Metric catalog: catalog-demo\n\nA library for \\<catalog\\> tests & checks.\n')).toBe(true);
    expect(md).toContain('| [`nps_gap`](#metric-nps_gap) | NPS gap to \\<goal\\> \\| "target" | points | 1.1.0 | draft | cx & \\<ops\\> |');
    expect(md).toContain('<a id="metric-nps_gap"></a>');
    expect(md).toContain('- **Value** = `nps − 30 + 0 × responses`');
    expect(md).toContain('| 1.1.0 | 2025-09-01 | cx | Exclude \\<sms\\> \\| use 30. |');
    expect(md).toContain('- **Used by** [`nps_gap`](#metric-nps_gap)');
  });

  it('html: self-contained, no scripts, every text escaped', () => {
    const html = formatCatalogHtml(catalog);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link |src=/);
    expect(html).toContain('<h3>NPS gap to &lt;goal&gt; | &quot;target&quot; (<code>nps_gap</code>)</h3>');
    expect(html).toContain('<code>count of nps_score where channel ≠ &quot;&lt;sms&gt;&quot;</code>');
    expect(html).not.toContain('<sms>');
    expect(html).toContain('<section id="metric-nps">');
  });

  it('escapes what it must', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(mdText('a_b *c* | [d]\nnext')).toBe('a\\_b \\*c\\* \\| \\[d\\] next');
    expect(mdCode('x `y` z')).toBe('``x `y` z``');
  });
});
