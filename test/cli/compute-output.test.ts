import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csv, writeTemp, removeTemp } from '../core/compute/tiny-compute.js';
import { validateReport } from '../report/validate-report.js';
import { ROOT, runCli, type CliResult } from './run-cli.js';

afterAll(removeTemp);

const LIBRARY = join(ROOT, 'metrics');
const HEADER = 'response_id,submitted_at,region,nps_score,is_test';
const REGIONS = ['=HYPERLINK(""https://evil.example"",""click"")', '+SUM(A1:A2)', '-2+3', '@cmd', 'a|b', 'NA'];

/** One promoter per awkward region value, plus a detractor in NA. */
const awkward = writeTemp({
  'survey.csv': csv(HEADER, [...REGIONS.map((r, i) => `R${i},2025-07-0${i + 1}T10:00:00Z,"${r}",10,false`), 'R9,2025-07-09T10:00:00Z,NA,0,false']),
});

const firstRuns = new Map<string, CliResult>();

function computeNps(format: string, extra: readonly string[] = []): CliResult {
  const result = runCli(['compute', LIBRARY, '--period', '2025-Q3', '--metrics', 'nps', '--by', 'region', '--source', 'survey_responses=survey.csv', '--format', format, ...extra], { cwd: awkward });
  if (extra.length === 0 && !firstRuns.has(format)) firstRuns.set(format, result);
  return result;
}

describe('rmos compute --format csv', () => {
  it('prefixes cells a spreadsheet would run as a formula with an apostrophe, quoting where needed', () => {
    const result = computeNps('csv');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe('metric,name,version,fingerprint,period,period_start,period_end,level,region,value,unit,n,ci95_low,ci95_high,target,status,reason');
    const regionCells = lines.slice(1).filter(Boolean).map((l) => l.split(',2025-09-30,')[1]!.replace(/^(metric|segment),/, '').split(',100,score')[0]);
    expect(regionCells).toEqual(
      expect.arrayContaining([`"'=HYPERLINK(""https://evil.example"",""click"")"`, "'+SUM(A1:A2)", "'-2+3", "'@cmd", 'a|b']),
    );
    expect(result.stdout).not.toMatch(/(^|,)[=+@]/m);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
  });
});

describe('rmos compute --format markdown', () => {
  it('escapes pipes (and other Markdown) inside table cells', () => {
    const result = computeNps('markdown');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('| ↳ a\\|b | 100.0 | 100.0 – 100.0 | 1 | insufficient_sample |');
    expect(result.stdout).toContain('| ↳ NA | 0.00 | -100.0 – 100.0 | 2 | insufficient_sample |');
    // Every table row has exactly the five columns of the header.
    for (const line of result.stdout.split('\n').filter((l) => l.startsWith('| ↳'))) {
      expect(line.replace(/\\\|/g, '').split('|').length, line).toBe(7);
    }
  });
});

describe('rmos compute --out', () => {
  it('writes the report to the file, nothing to stdout, and says so on stderr', () => {
    const result = computeNps('json', ['--out', 'report.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('wrote report.json\n');
    const report = validateReport(readFileSync(join(awkward, 'report.json'), 'utf8'));
    expect(report.metrics[0]!.segments).toHaveLength(REGIONS.length);
  });
});

describe('determinism', () => {
  it('json, csv and markdown are byte-identical across two runs', () => {
    for (const format of ['json', 'csv', 'markdown']) {
      const first = firstRuns.get(format) ?? computeNps(format);
      const second = computeNps(format);
      expect(first.code).toBe(0);
      expect(second.stdout, format).toBe(first.stdout);
    }
  });

  it('every metric is byte-identical whatever order the files are read in (Q3 survey files under names that sort the other way)', () => {
    const source = join(ROOT, 'examples/data/survey_responses');
    const months = readdirSync(source).filter((n) => /^2025-0[6-9]|^2025-10/.test(n)).sort();
    expect(months).toEqual(['2025-06.csv', '2025-07.csv', '2025-08.csv', '2025-09.csv.gz', '2025-10.csv']);
    const dir = writeTemp({});
    mkdirSync(join(dir, 'forward/survey_responses'), { recursive: true });
    mkdirSync(join(dir, 'reversed/survey_responses'), { recursive: true });
    months.forEach((name, i) => {
      copyFileSync(join(source, name), join(dir, 'forward/survey_responses', name));
      copyFileSync(join(source, name), join(dir, 'reversed/survey_responses', `${String.fromCharCode(122 - i)}-${name}`));
    });
    const run = (data: string): ReturnType<typeof validateReport> => {
      const result = runCli(['compute', LIBRARY, '--data', data, '--period', '2025-Q3', '--metrics', 'nps,csat,ces', '--by', 'region', '--format', 'json'], { cwd: dir });
      expect(result.code).toBe(0);
      return validateReport(result.stdout);
    };
    const forward = run('forward');
    const reversed = run('reversed');
    expect(reversed.inputs[0]!.files.map((f) => f.path)).toEqual(months.map((n, i) => join('reversed/survey_responses', `${String.fromCharCode(122 - i)}-${n}`)).reverse());
    expect(reversed.inputs[0]!.files.map((f) => f.sha256)).toEqual(forward.inputs[0]!.files.map((f) => f.sha256).reverse());
    // Sums and averages are exact (ExactSum, ExactMoments): ces's mean, sd and t interval too.
    const metrics = (r: typeof forward) => JSON.stringify(r.metrics, null, 2);
    expect(metrics(reversed)).toBe(metrics(forward));
    expect(forward.metrics[0]!.value).toBeCloseTo(40.274, 3);
    expect(forward.metrics.find((m) => m.id === 'ces')!.ci95).not.toBeNull();
  });
});
