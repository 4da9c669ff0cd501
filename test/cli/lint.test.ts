import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/lint-report.schema.json';
import { runCli } from './run-cli.js';

const BROKEN = 'test/fixtures/lint/broken';
const WARNINGS = 'test/fixtures/lint/warnings';
const NO_STACK = /\n\s+at /;

/** Every problem in the broken fixture library, as the stylish format prints it (file, line:col, severity, message, code). */
const BROKEN_FINDINGS = [
  ['metrics/backlog.yaml', 12, 3, 'warning', "the measure 'long' is not used by the formula, sample or interval", 'unused-measure'],
  ['metrics/escalations.yaml', 11, 16, 'error', `'measures.escalated.aggregate' is "counts"; expected one of count, count_distinct, sum, avg, min, max, median, percentile (did you mean 'count'?)`, 'schema-enum'],
  ['metrics/handle_time.yaml', 3, 10, 'error', "the changelog of 'handle_time' has no entry for version 1.1.0; add one saying what changed and why", 'missing-changelog-entry'],
  ['metrics/handle_time.yaml', 4, 9, 'error', "metric 'handle_time' is approved but lists no approvers; add 'approvers:' or set the status to draft", 'missing-approvers'],
  ['metrics/handle_time.yaml', 14, 13, 'error', "'sum' needs a numeric column, but tickets.team is string", 'type-mismatch'],
  ['metrics/handle_time.yaml', 15, 26, 'error', "unknown name 'tickts' in formula (did you mean 'tickets'?)", 'unknown-identifier'],
  ['metrics/reopen_rate.yaml', 3, 1, 'error', 'this key appears twice in the same mapping; keep one', 'yaml-duplicate-key'],
  ['rmos.yaml', 2, 11, 'error', "'Mars/Olympus' is not a time zone; use an IANA name such as UTC, Europe/Berlin or America/New_York", 'invalid-timezone'],
  ['sources/tickets.yaml', 2, 14, 'error', "the time column 'opend_at' is not a column of tickets (did you mean 'opened_at'?)", 'unknown-column'],
] as const;

describe('rmos lint', () => {
  it('passes the standard library with the "no problems" line and exit 0', () => {
    const result = runCli(['lint', 'metrics']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✔ standard: 12 files checked, no problems\n');
    expect(result.stderr).toBe('');
  });

  it('prints every problem of a broken library under its file with line:col, severity and code, and exits 1', () => {
    const result = runCli(['lint', BROKEN]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    for (const [file, line, column, severity, message, code] of BROKEN_FINDINGS) {
      const header = lines.indexOf(`${BROKEN}/${file}`);
      expect(header, `header for ${file}`).toBeGreaterThanOrEqual(0);
      const row = `  ${`${line}:${column}`.padEnd(5)}  ${severity.padEnd(7)}  ${message}  ${code}`;
      const at = lines.indexOf(row);
      expect(at, row).toBeGreaterThan(header);
      // No other file header between the file and its finding.
      expect(lines.slice(header + 1, at).every((l) => l === '' || l.startsWith('  '))).toBe(true);
    }
    expect(lines.filter((l) => /^ {2}\d+:\d+ /.test(l))).toHaveLength(BROKEN_FINDINGS.length);
    expect(result.stdout).toMatch(/\n✖ 9 problems \(8 errors, 1 warning\) in 6 files checked\n$/);
  });

  it('writes JSON that parses, lists the findings and validates against schemas/lint-report.schema.json', () => {
    const result = runCli(['lint', BROKEN, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { library: string; summary: object; findings: { file: string; line: number; column: number; severity: string; message: string; code: string }[] };

    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(reportSchema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);

    expect(report.library).toBe('broken');
    expect(report.summary).toEqual({ errors: 8, warnings: 1, files: 6 });
    expect(report.findings.map((f) => [f.file, f.line, f.column, f.severity, f.message, f.code])).toEqual(
      BROKEN_FINDINGS.map(([file, ...rest]) => [`${BROKEN}/${file}`, ...rest]),
    );
  });

  it('the report schema refuses a report that breaks it', () => {
    const validate = new Ajv2020({ strict: true }).compile(reportSchema);
    const finding = { code: 'unknown-identifier', severity: 'error', message: 'm', file: 'f.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const report = { rmos: '0.1.0', library: 'x', summary: { errors: 1, warnings: 0, files: 1 }, findings: [finding] };
    expect(validate(report)).toBe(true);
    expect(validate({ ...report, findings: [{ ...finding, severity: 'info' }] })).toBe(false);
    expect(validate({ ...report, findings: [{ ...finding, line: 0 }] })).toBe(false);
    expect(validate({ ...report, summary: { errors: 1, warnings: 0 } })).toBe(false);
  });

  it('the JSON of a clean library has no findings', () => {
    const result = runCli(['lint', 'metrics', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ library: 'standard', summary: { errors: 0, warnings: 0, files: 12 }, findings: [] });
  });

  it('warnings alone exit 0; with --max-warnings 0 they exit 1 and say why on stderr', () => {
    const lenient = runCli(['lint', WARNINGS]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain("  12:3  warning  the measure 'long' is not used by the formula, sample or interval  unused-measure\n");
    expect(lenient.stdout).toContain('⚠ 1 problem (0 errors, 1 warning) in 3 files checked');

    const strict = runCli(['lint', WARNINGS, '--max-warnings', '0']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('rmos: 1 warning, more than --max-warnings 0 allows\n');

    expect(runCli(['lint', WARNINGS, '--max-warnings', '1']).code).toBe(0);
    expect(runCli(['lint', WARNINGS, '--max-warnings', '0', '--format', 'json']).code).toBe(1);
  });

  it('a missing folder exits 2 with one line on stderr and no stack trace', () => {
    const result = runCli(['lint', 'test/fixtures/lint/no-such-library']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('rmos: test/fixtures/lint/no-such-library: no such folder; give the path of a metric library (a folder with an rmos.yaml)\n');
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  it('a folder without rmos.yaml exits 2 with one line on stderr and no stack trace', () => {
    const result = runCli(['lint', 'test/fixtures/lint/not-a-library']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/^rmos: test\/fixtures\/lint\/not-a-library is not an rmos library: it has no rmos\.yaml/);
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  it('an unknown --format exits 2 and names the formats', () => {
    const result = runCli(['lint', 'metrics', '--format', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/argument 'nope' is invalid\. Allowed choices are stylish, json\b/);
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  it('a --max-warnings that is not a whole number exits 2', () => {
    const result = runCli(['lint', WARNINGS, '--max-warnings', 'few']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--max-warnings takes a whole number, not 'few'");
    expect(result.stderr).not.toMatch(NO_STACK);
  });
});
