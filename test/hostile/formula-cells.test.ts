import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ACME, copyToTemp, EXAMPLE_DATA, HOSTILE, removeTemps, STANDARD, timedCli } from './hostile-cli.js';

afterAll(removeTemps);

// Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start), markup and
// Markdown syntax, from an export (segment values) and from a notes file (variance notes).
// CSV output escapes them with an apostrophe; Markdown and HTML show them as inert text;
// JSON keeps them as plain strings.

const CELLS = join(HOSTILE, 'csv', 'formula-cells.csv');
const HYPERLINK = '=HYPERLINK("http://example.invalid","x")';
/** Segment values as read (cells are trimmed, so the tab and CR prefixes are gone). */
const REGIONS = [HYPERLINK, '+SUM(1,2)', '-2+3', '@cmd', 'TAB', 'CR', '<script>alert(1)</script>', '| pipe | `code` [x](javascript:alert(1))'];
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;
const DANGEROUS_START = /^[=+\-@\t\r]/;

function run(args: readonly string[]): string {
  const result = timedCli(args);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** Every CSV cell that a spreadsheet would run: starts with = + - @ tab or CR and is not a number. */
function runnableCells(text: string): string[] {
  const rows = parse(text, { relax_column_count: false }) as string[][];
  return rows.flat().filter((cell) => DANGEROUS_START.test(cell) && !NUMBER.test(cell));
}

/** Rows of a Markdown table whose number of unescaped cell separators differs from the header's. */
function brokenTableRows(markdown: string): string[] {
  const separators = (line: string) => line.replace(/\\\|/g, '').split('|').length;
  const broken: string[] = [];
  let header: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      header = undefined;
      continue;
    }
    header ??= separators(line);
    if (separators(line) !== header) broken.push(line);
  }
  return broken;
}

describe('compute over an export with formula-like cells, --by region', () => {
  const args = ['compute', STANDARD, '--metrics', 'nps', '--period', '2025-Q3', '--by', 'region', '--source', `survey_responses=${CELLS}`];

  it('csv: every such cell is escaped with an apostrophe; numbers stay numbers', () => {
    const text = run([...args, '--format', 'csv']);
    expect(runnableCells(text)).toEqual([]);
    const cells = (parse(text) as string[][]).flat();
    expect(cells).toContain(`'${HYPERLINK}`);
    expect(cells).toContain("'+SUM(1,2)");
    expect(cells).toContain("'-2+3");
    expect(cells).toContain("'@cmd");
    expect(cells).toContain('-43.75');
  });

  it('--rejects: the invalid values =1+1 and @SUM(A1) are escaped too', () => {
    const dir = copyToTemp(join(HOSTILE, 'csv'), 'out');
    const rejects = join(dir, 'rejects.csv');
    run([...args, '--rejects', rejects]);
    const text = readFileSync(rejects, 'utf8');
    expect(runnableCells(text)).toEqual([]);
    expect(text).toContain(`,nps_score,'=1+1,"""=1+1"" is not an integer"`);
    expect(text).toContain(`,nps_score,'@SUM(A1),"""@SUM(A1)"" is not an integer"`);
  });

  it('json: the values are plain strings, exactly as read', () => {
    const report = JSON.parse(run([...args, '--format', 'json']));
    const regions = report.metrics[0].segments.map((s: { dimensions: { region: string } }) => s.dimensions.region);
    expect([...regions].sort()).toEqual([...REGIONS].sort());
  });

  it('markdown: markup and pipes are escaped, so the table keeps its columns and nothing renders as a link or HTML', () => {
    const text = run([...args, '--format', 'markdown']);
    expect(brokenTableRows(text)).toEqual([]);
    expect(text).not.toContain('<script>');
    expect(text).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(text).toContain('\\| pipe \\| \\`code\\` \\[x\\](javascript:alert(1))');
  });

  it('html: markup is escaped text; no script element, no javascript: link', () => {
    const text = run([...args, '--format', 'html']);
    expect(text).not.toMatch(/<script/i);
    expect(text).not.toMatch(/href\s*=\s*["']?javascript:/i);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('=HYPERLINK(&quot;http://example.invalid&quot;,&quot;x&quot;)');
  });
});

describe('variance with formula-like segments (--explain-by) and notes', () => {
  const NOTE = '=HYPERLINK("http://example.invalid","note") <img src=x onerror=alert(1)> | col |';

  function acmeWithHostileNote(): string {
    const lib = copyToTemp(ACME);
    writeFileSync(join(lib, 'notes', 'hostile.yaml'), `notes:\n  - metric: csat\n    period: 2025-Q3\n    text: '${NOTE}'\n    author: someone\n`);
    return lib;
  }

  it('csv: the note is escaped with an apostrophe', () => {
    const text = run(['variance', acmeWithHostileNote(), '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--against', 'target', '--format', 'csv']);
    expect(runnableCells(text)).toEqual([]);
    const csat = (parse(text, { columns: true }) as Record<string, string>[]).find((r) => r.metric === 'csat')!;
    expect(csat.notes).toBe(`'${NOTE}`);
  });

  it('json: the note is a plain string', () => {
    const report = JSON.parse(run(['variance', acmeWithHostileNote(), '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--against', 'target', '--format', 'json']));
    const csat = report.metrics.find((m: { id: string }) => m.id === 'csat');
    expect(csat.notes.map((n: { text: string }) => n.text)).toEqual([NOTE]);
  });

  it('markdown and html: the note is inert text', () => {
    const lib = acmeWithHostileNote();
    const markdown = run(['variance', lib, '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--against', 'target', '--format', 'markdown']);
    expect(markdown).not.toMatch(/(^|[^\\])<img/m);
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\> \\| col \\|');
    expect(brokenTableRows(markdown)).toEqual([]);
    const html = run(['variance', lib, '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--against', 'target', '--format', 'html']);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  const prior = ['variance', STANDARD, '--metrics', 'nps', '--period', '2025-Q3', '--against', 'prior', '--explain-by', 'region', '--source', `survey_responses=${CELLS}`];

  it('json drivers: the segment values are plain strings, as read', () => {
    const text = run([...prior, '--format', 'json']);
    for (const region of REGIONS) expect(text).toContain(JSON.stringify(region));
  });

  it('markdown drivers: escaped, the table keeps its columns', () => {
    const text = run([...prior, '--format', 'markdown']);
    expect(text).not.toContain('<script>');
    expect(brokenTableRows(text)).toEqual([]);
    expect(text).toContain('=HYPERLINK("http://example.invalid","x")');
  });

  it('html drivers: escaped text, no script', () => {
    const text = run([...prior, '--format', 'html']);
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('csv: no runnable cell', () => {
    expect(runnableCells(run([...prior, '--format', 'csv']))).toEqual([]);
  });
});
