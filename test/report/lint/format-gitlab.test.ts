import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/report/lint/index.js';
import { formatGitlab } from '../../../src/report/lint/format-gitlab.js';
import { CLEAN, finding, OPTIONS, REPORT } from './sample-report.js';

type Issue = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } };

describe('gitlab format', () => {
  it('writes a Code Quality issue per finding: major for errors, minor for warnings', () => {
    const issues = JSON.parse(formatGitlab(REPORT, OPTIONS)) as Issue[];
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin, i.description])).toEqual([
      ['unknown-identifier', 'major', 'lib/metrics/a.yaml', 15, 'a, b: 100% done\r\nnext <line> & "quotes"'],
      ['unused-measure', 'minor', 'lib/metrics/b,c.yaml', 3, "the measure 'long' is not used"],
    ]);
  });

  it('fingerprints with sha256 of code, file, line, column and message: stable and unique', () => {
    const f = finding();
    const [issue] = JSON.parse(formatGitlab(summarize('t', [f], 1), OPTIONS)) as Issue[];
    const expected = createHash('sha256').update([f.code, f.file, f.line, f.column, f.message].join('\u0000')).digest('hex');
    expect(issue!.fingerprint).toBe(expected);
    expect(issue!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // Same finding twice still gives two fingerprints; a different column gives another.
    const twice = JSON.parse(formatGitlab(summarize('t', [f, f, finding({ column: 27 })], 1), OPTIONS)) as Issue[];
    expect(new Set(twice.map((i) => i.fingerprint)).size).toBe(3);
    expect(formatGitlab(REPORT, OPTIONS)).toBe(formatGitlab(REPORT, OPTIONS));
  });

  it('writes an empty array for a clean library', () => {
    expect(formatGitlab(CLEAN, OPTIONS)).toBe('[]\n');
  });
});
