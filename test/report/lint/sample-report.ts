import type { Finding } from '../../../src/core/problem.js';
import { summarize, type LintReport } from '../../../src/report/lint/index.js';

export const OPTIONS = { color: false, version: '9.9.9' };

export function finding(overrides: Partial<Finding> = {}): Finding {
  return { code: 'unknown-identifier', severity: 'error', message: "unknown name 'tickts' in formula", file: 'lib/metrics/a.yaml', line: 15, column: 26, endLine: 15, endColumn: 32, ...overrides };
}

/** Two files, an error with every character that needs escaping, and a warning. */
export const REPORT: LintReport = summarize(
  'team',
  [
    finding({ message: 'a, b: 100% done\r\nnext <line> & "quotes"' }),
    finding({ code: 'unused-measure', severity: 'warning', message: "the measure 'long' is not used", file: 'lib/metrics/b,c.yaml', line: 3, column: 1, endLine: 3, endColumn: 5 }),
  ],
  4,
);

export const CLEAN: LintReport = summarize('team', [], 4);
