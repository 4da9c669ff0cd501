import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const BROKEN = 'test/fixtures/lint/broken';

describe('rmos lint --format github|sarif|junit|gitlab', () => {
  it('github: an annotation per finding with the file, position and code, and exit 1', () => {
    const result = runCli(['lint', BROKEN, '--format', 'github']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines).toContain(`::error file=${BROKEN}/metrics/reopen_rate.yaml,line=3,col=1,endLine=3,endColumn=1,title=rmos yaml-duplicate-key::this key appears twice in the same mapping; keep one`);
    expect(lines.filter((l) => l.startsWith('::warning file='))).toHaveLength(1);
    expect(lines.at(-1)).toBe('rmos: broken: 9 problems (8 errors, 1 warning) in 6 files checked');
  });

  it('sarif: a result per finding, each pointing at a rule described in the driver', () => {
    const result = runCli(['lint', BROKEN, '--format', 'sarif']);
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const [run] = sarif.runs;
    expect(run!.results).toHaveLength(9);
    for (const r of run!.results) expect(run!.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(run!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain(`${BROKEN}/rmos.yaml`);
  });

  it('junit: failures for the 8 errors and a skipped case for the warning', () => {
    const result = runCli(['lint', BROKEN, '--format', 'junit']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('<testsuites name="rmos lint broken" tests="9" failures="8" errors="0" skipped="1">');
    expect(result.stdout.match(/<testsuite /g)).toHaveLength(6);
  });

  it('gitlab: a Code Quality issue per finding with distinct fingerprints', () => {
    const result = runCli(['lint', BROKEN, '--format', 'gitlab']);
    expect(result.code).toBe(1);
    const issues = JSON.parse(result.stdout) as { fingerprint: string; severity: string }[];
    expect(issues).toHaveLength(9);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(9);
    expect(issues.filter((i) => i.severity === 'minor')).toHaveLength(1);
  });

  it('junit: the clean standard library is one passing test case, exit 0', () => {
    const result = runCli(['lint', 'metrics', '--format', 'junit']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('<testcase name="12 files checked, no problems" classname="standard" time="0"/>');
  });
});

describe('rmos lint --exit-zero', () => {
  it('prints the findings but exits 0 despite errors', () => {
    const result = runCli(['lint', BROKEN, '--exit-zero']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✖ 9 problems (8 errors, 1 warning)');
  });

  it('exits 0 with more warnings than --max-warnings', () => {
    expect(runCli(['lint', 'test/fixtures/lint/warnings', '--max-warnings', '0']).code).toBe(1);
    expect(runCli(['lint', 'test/fixtures/lint/warnings', '--max-warnings', '0', '--exit-zero']).code).toBe(0);
  });

  it('still exits 2 on usage and input errors', () => {
    const badFormat = runCli(['lint', BROKEN, '--format', 'xml', '--exit-zero']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("argument 'xml' is invalid");
    const noLibrary = runCli(['lint', 'test/fixtures/lint/not-a-library', '--exit-zero']);
    expect(noLibrary.code).toBe(2);
    expect(noLibrary.stderr).toContain('is not an rmos library');
  });
});
