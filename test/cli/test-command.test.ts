import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const F = 'test/fixtures/fixture-tests';

describe('rmos test', () => {
  it('passes every fixture test of the standard library', () => {
    const result = runCli(['test', 'metrics']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  ✓ NPS of 0, 7, 7, 9, 9, 9 is 100 × (3 − 1) / 6 = 33.33\n');
    expect(result.stdout).toContain('  ✓ ROMI with zero marketing spend is a division by zero, not Infinity\n');
    expect(result.stdout).toMatch(/\n✔ standard: 13 passed \(13 tests\)\n$/);
  });

  it('shows expected and actual at the expectation\'s file:line:col, and exits 1', () => {
    const result = runCli(['test', `${F}/failing`]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      `${F}/failing/tests/nps.yaml`,
      '  ✗ a wrong expectation fails with expected and actual',
      `      ${F}/failing/tests/nps.yaml:10:10  nps value: expected 50, got 33.333333333333336`,
      `      ${F}/failing/tests/nps.yaml:12:11  nps status: expected "on_track", got "insufficient_sample"`,
      '',
      `${F}/failing/tests/passing.yaml`,
      '  ✓ a right expectation passes',
      '',
      '✖ failing: 1 failed, 1 passed (2 tests)',
      '',
    ]);
  });

  it('reports unknown metrics, sources, columns, parameters and measures with positions, and exits 2', () => {
    const result = runCli(['test', `${F}/unknown-names`]);
    expect(result.code).toBe(2);
    const file = `${F}/unknown-names/tests/names.yaml`;
    expect(result.stdout).toContain(`${file}:2:11  there is no metric 'npss' (did you mean 'nps'?)`);
    expect(result.stdout).toContain(`${file}:13:5  the library has no parameter 'gross_margn' (did you mean 'gross_margin'?)  unknown-parameter`);
    expect(result.stdout).toContain(`${file}:15:5  there is no source 'opportunity' (did you mean 'opportunities'?)`);
    expect(result.stdout).toContain(`${file}:18:40  'categroy' is not a column of spend (did you mean 'category'?)`);
    expect(result.stdout).toContain(`${file}:21:17  romi has no measure 'won'`);
    expect(result.stdout).toContain('✖ unknown-names: 2 errors, 0 passed (2 tests)');
  });

  it('reports a fixture file that breaks the schema at the bad value, and exits 2', () => {
    const result = runCli(['test', `${F}/bad-file`]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`${F}/bad-file/tests/bad.yaml:7:10  'expect.value' should be`);
    expect(result.stdout).toContain('(schema-type)');
  });

  it('writes JSON and JUnit', () => {
    const json = runCli(['test', `${F}/failing`, '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { summary: object; tests: { status: string; failures: { field: string; expected: unknown; actual: unknown; line: number; column: number }[] }[] };
    expect(report.summary).toEqual({ passed: 1, failed: 1, errors: 0 });
    expect(report.tests[0]!.failures[0]).toMatchObject({ field: 'value', expected: 50, actual: 33.333333333333336, line: 10, column: 10 });

    const junit = runCli(['test', `${F}/failing`, '--format', 'junit']);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toContain('<testsuites name="rmos test failing" tests="2" failures="1" errors="0" skipped="0">');
    expect(junit.stdout).toContain('<failure message="nps value: expected 50, got 33.333333333333336" type="mismatch">');
  });

  it('refuses a library without fixture tests unless --pass-with-no-tests', () => {
    const result = runCli(['test', `${F}/no-tests`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no fixture tests');
    expect(runCli(['test', `${F}/no-tests`, '--pass-with-no-tests']).code).toBe(0);
  });
});
