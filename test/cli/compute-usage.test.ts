import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csv, writeTemp, removeTemp } from '../core/compute/tiny-compute.js';
import { ROOT, runCli, type CliResult } from './run-cli.js';

afterAll(removeTemp);

// Flags rmos cannot act on: exit 2, one sentence saying what to type instead.

const NO_STACK = /\n\s+at /;
const HEADER = 'response_id,submitted_at,nps_score,is_test';

function computeIn(dir: string, args: readonly string[]): CliResult {
  return runCli(['compute', join(ROOT, 'metrics'), '--period', '2025-Q3', '--metrics', 'nps', ...args], { cwd: dir });
}

function expectUsageError(result: CliResult, message: string): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(NO_STACK);
  expect(result.stderr).toBe(`rmos: ${message}\n`);
}

describe('rmos compute: usage errors', () => {
  const dir = writeTemp({ 's.csv': csv(HEADER, ['A,2025-07-01T10:00:00Z,9,false']) });
  const args = ['--source', 'survey_responses=s.csv'];

  it('an unknown period label says what is wrong with it', () => {
    const result = runCli(['compute', join(ROOT, 'metrics'), '--period', '2025-Q5', ...args], { cwd: dir });
    expectUsageError(result, '--period 2025-Q5: "2025-Q5" is not a valid period: the quarter must be Q1 to Q4.');
    const month = runCli(['compute', join(ROOT, 'metrics'), '--period', '2025-13', ...args], { cwd: dir });
    expectUsageError(month, '--period 2025-13: "2025-13" is not a valid period: the month must be 01 to 12.');
  });

  it('an unknown metric id in --metrics suggests the closest and lists the library', () => {
    const result = runCli(['compute', join(ROOT, 'metrics'), '--period', '2025-Q3', '--metrics', 'npss', ...args], { cwd: dir });
    expectUsageError(result, "--metrics: there is no metric 'npss' (did you mean 'nps'?); the library has cac_payback, ces, csat, fcr, nps, romi");
  });

  it('an unknown --param and a --param that is not a number', () => {
    expectUsageError(computeIn(dir, [...args, '--param', 'gross_margn=0.5']), "--param gross_margn: the library has no parameter 'gross_margn' (did you mean 'gross_margin'?)");
    expectUsageError(computeIn(dir, [...args, '--param', 'gross_margin=half']), '--param gross_margin=half: the value must be a number');
  });

  it('a --by dimension no requested metric allows', () => {
    expectUsageError(computeIn(dir, [...args, '--by', 'regoin']), "--by regoin: no requested metric allows this dimension (did you mean 'region'?); allowed: channel, region, segment");
  });

  it('--period together with --from/--to', () => {
    expectUsageError(computeIn(dir, [...args, '--from', '2025-07-01', '--to', '2025-07-31']), 'give either --period or --from/--to, not both');
  });

  it('RMOS_KEY_MEMORY that is not a number of bytes', () => {
    const result = runCli(['compute', join(ROOT, 'metrics'), '--period', '2025-Q3', '--metrics', 'nps', ...args], { cwd: dir, env: { RMOS_KEY_MEMORY: '64MB' } });
    expectUsageError(result, "RMOS_KEY_MEMORY must be a number of bytes (for example 268435456 for 256 MiB), got '64MB'");
  });

  it('leaves no --rejects file behind when the run fails', () => {
    const bad = writeTemp({ 'e.csv': '' });
    mkdirSync(join(bad, 'out'));
    const result = computeIn(bad, ['--source', 'survey_responses=e.csv', '--rejects', 'out/rejects.csv']);
    expect(result.code).toBe(2);
    expect(() => readFileSync(join(bad, 'out/rejects.csv'))).toThrow();
  });
});
