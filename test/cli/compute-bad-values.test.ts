import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csv, writeTemp, removeTemp } from '../core/compute/tiny-compute.js';
import { validateReport } from '../report/validate-report.js';
import { ROOT, runCli, type CliResult } from './run-cli.js';

afterAll(removeTemp);

// Exports rmos can read but whose rows are not all usable: the run succeeds (exit 0),
// every row is accounted for, and each bad value is named by file, line and column.

const NO_STACK = /\n\s+at /;
const HEADER = 'response_id,submitted_at,nps_score,is_test';

function computeIn(dir: string, args: readonly string[], period = '2025-Q3'): CliResult {
  const result = runCli(['compute', join(ROOT, 'metrics'), '--period', period, '--metrics', 'nps', ...args], { cwd: dir });
  expect(result.stderr).not.toMatch(NO_STACK);
  return result;
}

describe('rmos compute: rows that are not counted', () => {
  it('a ragged row is counted invalid, listed in --rejects with its line, and the run exits 0', () => {
    const dir = writeTemp({ 'r.csv': csv(HEADER, ['A,2025-07-01T10:00:00Z,9,false', 'B,2025-07-02T10:00:00Z,7', 'C,2025-07-03T10:00:00Z,0,false,extra', 'D,2025-07-04T10:00:00Z,10,false']) });
    const result = computeIn(dir, ['--source', 'survey_responses=r.csv', '--format', 'json', '--rejects', 'rejects.csv']);
    expect(result.code).toBe(0);
    const report = validateReport(result.stdout);
    expect(report.metrics[0]!.accounting.survey_responses).toMatchObject({ read: 4, invalid: 2, used: 2 });
    expect(report.metrics[0]!.value).toBe(100);
    expect(readFileSync(join(dir, 'rejects.csv'), 'utf8')).toBe(
      'file,line,column,field,value,reason\r\nr.csv,3,,,,the row has 3 fields but the header has 4\r\nr.csv,4,,,,the row has 5 fields but the header has 4\r\n',
    );
    expect(result.stderr).toContain('  r.csv:3 the row has 3 fields but the header has 4\n');
    expect(result.stderr).toContain('(all listed in rejects.csv)');
  });

  it('nine in an integer column: named with file:line:col in the summary, exit 0; with --strict exit 1 and the report still written', () => {
    const dir = writeTemp({ 'n.csv': csv(HEADER, ['A,2025-07-01T10:00:00Z,nine,false', 'B,2025-07-02T10:00:00Z,10,false']) });
    const lenient = computeIn(dir, ['--source', 'survey_responses=n.csv', '--format', 'json']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toBe('1 invalid value not counted (list them all with --rejects FILE); first:\n  n.csv:2:24 nps_score: "nine" is not an integer\n');
    expect(validateReport(lenient.stdout).metrics[0]!.accounting.survey_responses).toMatchObject({ invalid: 1, used: 1 });

    const strict = computeIn(dir, ['--source', 'survey_responses=n.csv', '--format', 'json', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('n.csv:2:24 nps_score: "nine" is not an integer');
    expect(validateReport(strict.stdout).metrics[0]!.value).toBe(100);
  });

  it('--strict on clean data exits 0', () => {
    const dir = writeTemp({ 'ok.csv': csv(HEADER, ['A,2025-07-01T10:00:00Z,10,false']) });
    const result = computeIn(dir, ['--source', 'survey_responses=ok.csv', '--strict', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    validateReport(result.stdout);
  });

  it('an impossible date (2025-02-31) is invalid, named with its position', () => {
    const dir = writeTemp({ 'd.csv': csv(HEADER, ['A,2025-02-31T10:00:00Z,9,false', 'B,2025-02-02T10:00:00Z,9,false']) });
    const result = computeIn(dir, ['--source', 'survey_responses=d.csv', '--format', 'json', '--rejects', 'rj.csv'], '2025-Q1');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('  d.csv:2:3 submitted_at: "2025-02-31T10:00:00Z" is not a real date and time\n');
    expect(validateReport(result.stdout).metrics[0]!.accounting.survey_responses).toMatchObject({ read: 2, invalid: 1, used: 1 });
    expect(readFileSync(join(dir, 'rj.csv'), 'utf8')).toContain('d.csv,2,3,submitted_at,2025-02-31T10:00:00Z,"""2025-02-31T10:00:00Z"" is not a real date and time"\r\n');
  });

  it('a file with only a header gives no_data with a null value and exits 0', () => {
    const dir = writeTemp({ 'h.csv': `${HEADER}\n` });
    const result = computeIn(dir, ['--source', 'survey_responses=h.csv', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = validateReport(result.stdout);
    expect(report.inputs).toEqual([{ source: 'survey_responses', files: [{ path: 'h.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rows: 0 }] }]);
    expect(report.metrics[0]).toMatchObject({ value: null, reason: 'division by zero', n: 0, ci95: null, status: 'no_data' });
    expect(report.metrics[0]!.accounting.survey_responses).toMatchObject({ read: 0, used: 0 });
  });

  it('a period with no rows gives value null, status no_data, every row out of period, exit 0', () => {
    const dir = writeTemp({ 's.csv': csv(HEADER, ['A,2025-07-01T10:00:00Z,9,false', 'B,2025-08-01T10:00:00Z,3,false']) });
    const result = computeIn(dir, ['--source', 'survey_responses=s.csv', '--format', 'json'], '2024-Q3');
    expect(result.code).toBe(0);
    const metric = validateReport(result.stdout).metrics[0]!;
    expect(metric).toMatchObject({ value: null, n: 0, status: 'no_data', ci95: null });
    expect(metric.accounting.survey_responses).toEqual({ read: 2, out_of_period: 2, duplicate: 0, excluded: { test_responses: 0 }, missing: 0, invalid: 0, used: 0 });
    const table = computeIn(dir, ['--source', 'survey_responses=s.csv'], '2024-Q3');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('nps · survey_responses: 2 read — 2 out of period');
  });
});
