import Ajv2020 from 'ajv/dist/2020.js';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import schema from '../../schemas/variance-report.schema.json';
import { npsDifferenceTest } from '../../src/core/stats/index.js';
import { ROOT, runCli } from './run-cli.js';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const scratch = mkdtempSync(join(tmpdir(), 'rmos-variance-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function varianceJson(args: string[]) {
  const result = runCli(['variance', ...args, '--format', 'json']);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout);
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  return report;
}

function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

const BASE = ['examples/acme', '--data', 'examples/data', '--period', '2025-Q3'];

describe('rmos variance --against prior --explain-by', () => {
  const report = varianceJson([...BASE, '--against', 'prior', '--explain-by', 'channel']);
  const metric = (id: string) => report.metrics.find((m: { id: string }) => m.id === id);

  it('compares with the previous quarter', () => {
    expect(report.against).toMatchObject({ kind: 'prior', period: { label: '2025-Q2', start: '2025-04-01', end: '2025-06-30' } });
    const nps = metric('nps');
    expect(nps.variance).toBeCloseTo(nps.actual - nps.comparator, 12);
    expect(nps.favourable).toBe(true);
  });

  it('splits every weighted-average metric exactly into segment drivers', () => {
    for (const id of ['nps', 'csat', 'ces', 'fcr', 'cac_payback']) {
      const m = metric(id);
      const sum = m.drivers.parts.reduce((s: number, p: { mix: number; rate: number }) => s + p.mix + p.rate, 0);
      expect(sum, id).toBeCloseTo(m.variance, 9);
      expect(Math.abs(m.unexplained), id).toBeLessThan(1e-9);
    }
  });

  it('shows, not hides, change that no segment carries (won revenue in a channel without marketing spend)', () => {
    const romi = metric('romi');
    expect(romi.unexplained).toBeGreaterThan(1);
    expect(romi.drivers.total + romi.unexplained).toBeCloseTo(romi.variance, 9);
  });

  it('tests significance with the test that fits each metric', () => {
    const nps = metric('nps');
    const before = runCli(['compute', 'examples/acme', '--data', 'examples/data', '--period', '2025-Q2', '--metrics', 'nps', '--format', 'json']);
    const q2 = JSON.parse(before.stdout).metrics[0].measures;
    const expected = npsDifferenceTest({ promoters: nps.actual === null ? 0 : 1167, detractors: 345, n: 2041 }, { promoters: q2.promoters, detractors: q2.detractors, n: q2.responses })!;
    expect(nps.significance.test).toBe('nps_z');
    expect(nps.significance.p).toBeCloseTo(expected.p, 12);
    expect(nps.significance.significant).toBe(true);
    expect(metric('csat').significance).toMatchObject({ test: 'two_proportion_z', significant: false });
    expect(metric('ces').significance.test).toBe('welch_t');
    expect(metric('romi').significance).toBe(null);
  });
});

describe('rmos variance --against target, budget and reported', () => {
  it('uses the targets of targets/ files and attaches notes', () => {
    const report = varianceJson([...BASE, '--against', 'target']);
    const nps = report.metrics.find((m: { id: string }) => m.id === 'nps');
    expect(nps.comparator).toBe(38);
    expect(nps.notes.map((n: { text: string }) => n.text)[0]).toMatch(/^Recovery after the Q2 onboarding issues/);
    expect(nps.notes[1]).toMatchObject({ segment: { region: 'LATAM' }, author: 'cx-analytics' });
  });

  it('reads a budget file', () => {
    const report = varianceJson([...BASE, '--against', 'budget:examples/finance/budget-2025.csv']);
    expect(report.metrics.find((m: { id: string }) => m.id === 'fcr').comparator).toBe(72);
    expect(report.against).toMatchObject({ kind: 'budget', file: 'examples/finance/budget-2025.csv' });
  });

  it('exits 1 with --fail-on-variance when a variance is beyond tolerance, naming it', () => {
    const result = runCli(['variance', ...BASE, '--against', 'budget:examples/finance/budget-2025.csv', '--fail-on-variance']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('beyond tolerance: romi');
  });

  it('applies a tolerance given on the command line', () => {
    const report = varianceJson([...BASE, '--against', 'target', '--tolerance', 'nps=1', '--tolerance', 'romi=50%']);
    const byId = (id: string) => report.metrics.find((m: { id: string }) => m.id === id);
    expect(byId('nps')).toMatchObject({ tolerance: { absolute: 1 }, beyond_tolerance: true });
    expect(byId('romi')).toMatchObject({ tolerance: { relative: 0.5 }, beyond_tolerance: false });
  });

  it('exits 1 with --require-notes when a variance beyond tolerance has no note', () => {
    const lib = join(scratch, 'no-notes');
    cpSync(join(ROOT, 'examples/acme'), lib, { recursive: true });
    rmSync(join(lib, 'notes'), { recursive: true });
    const result = runCli(['variance', lib, '--data', 'examples/data', '--period', '2025-Q3', '--against', 'target', '--require-notes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('need a note in notes/*.yaml: romi (2025-Q3)');
    expect(runCli(['variance', ...BASE, '--against', 'target', '--require-notes']).code).toBe(0);
  });
});

describe('rmos variance: bad input', () => {
  const refuse = (args: string[], message: string | RegExp) => {
    const result = runCli(['variance', ...BASE, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  };

  it('a budget file with an unknown metric, a duplicate row, a non-number or a bad period', () => {
    refuse(['--against', `budget:${file('unknown.csv', 'metric,period,value\nnpss,2025-Q3,40\n')}`], /unknown\.csv:2:1: there is no metric 'npss' \(did you mean 'nps'\?\)/);
    refuse(['--against', `budget:${file('dup.csv', 'metric,period,value\nnps,2025-Q3,40\nnps,2025-Q3,41\n')}`], /dup\.csv:3:1: this row repeats the figure of line 2/);
    refuse(['--against', `budget:${file('nan.csv', 'metric,period,value\nnps,2025-Q3,forty\n')}`], /nan\.csv:2:13: the value "forty" is not a number/);
    refuse(['--against', `budget:${file('period.csv', 'metric,period,value\nnps,2025-Q5,40\n')}`], /period\.csv:2:5: '2025-Q5' is not a period/);
  });

  it('a notes file that references a metric that does not exist', () => {
    const lib = join(scratch, 'bad-notes');
    cpSync(join(ROOT, 'examples/acme'), lib, { recursive: true });
    writeFileSync(join(lib, 'notes', 'bad.yaml'), 'notes:\n  - metric: nsp\n    period: 2025-Q3\n    text: typo\n');
    const result = runCli(['variance', lib, '--data', 'examples/data', '--period', '2025-Q3', '--against', 'target']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/notes\/bad\.yaml:2:13: there is no metric 'nsp' \(did you mean 'nps'\?\)/);
  });

  it('--explain-by a dimension the metric does not allow', () => {
    refuse(['--against', 'prior', '--metrics', 'romi', '--explain-by', 'region'], /--explain-by region: romi does not allow this dimension; allowed: channel/);
  });

  it('an unknown comparator', () => {
    refuse(['--against', 'forecast'], /--against forecast: use target, prior, yoy, budget:FILE or reported:FILE/);
  });

  it('a comparison period with no data gives no variance and says why', () => {
    const report = varianceJson(['examples/acme', '--data', 'examples/data', '--period', '2024-07', '--against', 'yoy', '--metrics', 'nps']);
    expect(report.metrics[0]).toMatchObject({ comparator: null, variance: null, reason: expect.stringMatching(/^no value in 2023-07/) });
  });
});

describe('rmos variance --format html', () => {
  it('writes one self-contained page whose values equal the JSON report', () => {
    const args = ['variance', ...BASE, '--against', 'prior', '--explain-by', 'channel'];
    const page = runCli([...args, '--format', 'html']);
    expect(page.code, page.stderr).toBe(0);
    const report = varianceJson(args.slice(1));
    for (const m of report.metrics) {
      const row = new RegExp(`<tr [^>]*data-metric="${m.id}" data-actual="([^"]*)" data-comparator="([^"]*)" data-variance="([^"]*)"`).exec(page.stdout);
      expect(row, m.id).not.toBeNull();
      expect(JSON.parse(row![1]!)).toBe(m.actual);
      expect(JSON.parse(row![3]!)).toBe(m.variance);
    }
    expect(page.stdout).toContain('<svg class="waterfall"');
    expect(page.stdout).toContain('Content-Security-Policy" content="default-src &#39;none&#39;');
    expect(page.stdout).not.toMatch(/(src|href)=|https?:\/\//);
    expect(page.stdout).toContain('Recovery after the Q2 onboarding issues');
  });
});
