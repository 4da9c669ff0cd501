import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../../src/report/compute/format-html.js';
import { COMPUTE_FORMATTERS } from '../../../src/report/compute/index.js';
import { FORMULA_SEGMENT, HOSTILE_NAME, HOSTILE_SEGMENT, metric, sampleReport } from './sample-report.js';

const OPTIONS = { color: false };
const render = () => formatHtml(sampleReport(), OPTIONS);

/** Each metric card's opening tag and body, keyed by metric id. */
function cards(page: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of page.matchAll(/<article class="card[^"]*"[^>]*data-metric="([^"]*)"[\s\S]*?<\/article>/g)) found.set(match[1]!, match[0]);
  return found;
}

describe('html format', () => {
  it('is registered as the html compute format', () => {
    expect(COMPUTE_FORMATTERS.html).toBe(formatHtml);
  });

  it('escapes metric names, segment values, library facts and file paths', () => {
    const page = render();
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; &amp; Co');
    expect(page).toContain('<span class="seg-label">&lt;img src=x onerror=alert(1)&gt;</span>');
    expect(page).toContain('<span class="seg-label">=HYPERLINK(&quot;http://evil.example/x&quot;,&quot;click&quot;)</span>');
    // In an attribute too: the segment's dimensions as JSON, quotes escaped.
    expect(page).toContain('data-segment="{&quot;region&quot;:&quot;&lt;img src=x onerror=alert(1)&gt;&quot;}"');
    expect(page).toContain('<title>acme &amp; &quot;friends&quot; · 2025-Q3 scorecard</title>');
    expect(page).toContain('data/&quot;quoted&quot; &lt;file&gt;.csv');
    expect(page).toContain('acme &amp; &quot;friends&quot; (libs/&lt;acme&gt;)');
    // The hostile name also reaches the sparkline's accessible title, escaped.
    expect(page).toContain('<title id="spark-0-title">&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; &amp; Co, last 3 periods: 2025-Q1 no data; 2025-Q2 33.0; 2025-Q3 40.3</title>');
    for (const raw of [HOSTILE_NAME, HOSTILE_SEGMENT, FORMULA_SEGMENT]) expect(page).not.toContain(raw);
  });

  it('is deterministic: the same report gives byte-identical html, a changed value a different one', () => {
    const first = render();
    expect(render()).toBe(first);
    expect(formatHtml(JSON.parse(JSON.stringify(sampleReport())), OPTIONS)).toBe(first);
    const changed = { ...sampleReport(), metrics: [metric({ value: 40.27437530622245 })] };
    expect(formatHtml(changed, OPTIONS)).not.toBe(formatHtml({ ...sampleReport(), metrics: [metric()] }, OPTIONS));
  });

  it('writes a status label in words next to every status colour', () => {
    const byId = cards(render());
    const expected = {
      nps: ['on_track', 'good', 'On track'],
      cac_payback: ['at_risk', 'warn', 'At risk'],
      csat: ['off_track', 'bad', 'Off track'],
      ces: ['no_target', 'neutral', 'No target'],
      fcr: ['no_data', 'neutral', 'No data'],
      romi: ['insufficient_sample', 'neutral', 'Insufficient sample'],
    };
    expect([...byId.keys()]).toEqual(['nps', 'cac_payback', 'csat', 'ces', 'fcr', 'romi']);
    for (const [id, [status, tone, label]] of Object.entries(expected)) {
      const card = byId.get(id)!;
      expect(card).toContain(`<article class="card tone-${tone}"`);
      expect(card).toContain(`<span class="status status-${tone}" data-status="${status}">${label}</span>`);
    }
  });

  it('puts the unrounded value on each card and the human-formatted one in its text', () => {
    const byId = cards(render());
    expect(byId.get('nps')).toContain('data-metric="nps" data-value="40.27437530622244"');
    expect(byId.get('nps')).toContain('<span class="value">40.3</span> <span class="unit">score</span>');
    expect(byId.get('csat')).toContain('<span class="value">75.2%</span></p>');
    expect(byId.get('cac_payback')).toContain('<span class="value">10.5</span> <span class="unit">months</span>');
    expect(byId.get('fcr')).toContain('data-value="null"');
    expect(byId.get('fcr')).toContain('<p class="reason">No value: no resolved cases in the period</p>');
    expect(byId.get('nps')).toContain('<dd class="interval">37.0 – 43.6</dd>');
    expect(byId.get('nps')).toContain('<dd class="n" data-n="2041">2,041</dd>');
  });

  it('judges a change by the metric direction, in words as well as colour', () => {
    const byId = cards(render());
    expect(byId.get('nps')).toMatch(/class="delta delta-favourable"[^>]*>.*\+7\.27<\/span> vs 2025-Q2 \(33\.0\) · <span class="verdict">favourable<\/span>/);
    // Lower is better: a fall in payback months is good news.
    expect(byId.get('cac_payback')).toMatch(/delta-favourable.*−5\.24.*favourable/);
    expect(byId.get('csat')).toMatch(/delta-unfavourable.*−2\.50 pp.*<span class="verdict">unfavourable<\/span>/);
    expect(byId.get('ces')).toContain('<span class="verdict">no change</span>');
    expect(byId.get('fcr')).toContain('<span class="verdict">no comparison value</span>');
  });

  it('leaves out the change when the report has no comparison', () => {
    const page = formatHtml({ ...sampleReport(), comparison: null }, OPTIONS);
    expect(page).not.toContain('class="delta');
    expect(page).toContain('<dd data-fact="comparison">no comparison</dd>');
  });

  it('draws the trend with a gap for a missing period and an accessible title', () => {
    const nps = cards(render()).get('nps')!;
    expect(nps).toContain('<svg class="sparkline" viewBox="0 0 200 40" role="img" aria-labelledby="spark-0-title" data-points="3">');
    // 2025-Q1 is missing: the line runs from the 2nd to the 3rd point only, highest value at the top.
    expect(nps).toContain('<path class="spark-line" d="M100 36 L196 4"/>');
    expect(nps).toContain('<circle class="spark-last" cx="196" cy="4" r="3"/>');
    expect(cards(render()).get('csat')).not.toContain('<svg class="sparkline"');
  });

  it('draws segments as bars on a scale that includes zero, with the values in text', () => {
    const nps = cards(render()).get('nps')!;
    // Scale -12.5 .. 30: zero at 29.41, the negative bar runs left of it.
    expect(nps).toContain('<rect class="bar-fill negative" x="0" y="0" width="29.41" height="10"/>');
    expect(nps).toContain('<rect class="bar-fill" x="29.41" y="0" width="70.59" height="10"/>');
    expect(nps).toContain('<span class="seg-value">-12.5</span>');
    expect(nps).toContain('<span class="seg-label">(missing)</span>');
    expect(nps).toContain('<span class="seg-n">n 0 · <span class="seg-status">No data</span></span>');
  });

  it('folds row accounting away and lists inputs with sha256 and definitions with fingerprints', () => {
    const page = render();
    expect(page).toContain('<details class="accounting"><summary>Rows: 2,041 used of 13,574 read</summary><ul><li>survey_responses: 13,574 read — 11,217 out of period, 3 duplicate, 20 excluded (test_responses 20), 291 missing, 2 invalid, 2,041 used</li></ul></details>');
    expect(page).toContain(`<code class="hash">${'a'.repeat(64)}</code>`);
    expect(page).toContain('<tr><td><code>nps</code></td><td>1.2.0</td><td><code class="hash">09111d7672c46468</code></td></tr>');
    expect(page).toContain('<dd data-fact="revision"><code>da17ba2b510d (with uncommitted changes)</code></dd>');
  });

  it('references nothing outside the page: no external src or href, no scripts, fonts or imports', () => {
    const page = render();
    // Real tags only: the hostile segment value '<img src=x …>' is escaped text, not a tag.
    const tags = [...page.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]);
    expect(tags.length).toBeGreaterThan(100);
    const attributes = new Set(tags.flatMap((t) => [...t.matchAll(/\s([a-z:-]+)(?:="[^"]*")?/gi)].map((m) => m[1]!.toLowerCase())));
    expect(attributes).toContain('data-value');
    expect([...attributes].filter((a) => ['src', 'href', 'action', 'poster', 'srcset', 'xlink:href', 'data', 'background'].includes(a))).toEqual([]);
    expect(page).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(page).not.toMatch(/url\(|@import|@font-face|<script|<link|<iframe|<object|<embed/i);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;">`);
  });

  it('is readable on a phone and in print', () => {
    const page = render();
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toMatch(/\.cards\{display:grid;grid-template-columns:repeat\(auto-fill,minmax\(min\(100%,22rem\),1fr\)\)/);
    const print = page.slice(page.indexOf('@media print{'));
    expect(print).toContain('.card{box-shadow:none');
    expect(page).toMatch(/\.card\{[^}]*break-inside:avoid;page-break-inside:avoid/);
  });
});
