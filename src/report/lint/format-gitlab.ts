import { createHash } from 'node:crypto';
import type { LintFormatter } from './lint-report.js';

/**
 * GitLab Code Quality report (a JSON array; `artifacts:reports:codequality`). The
 * fingerprint must be stable across runs and unique within the report, or GitLab
 * merges or flickers the findings between pipelines.
 */
export const formatGitlab: LintFormatter = (report) => {
  const seen = new Map<string, number>();
  const issues = report.findings.map((f) => {
    const base = [f.code, f.file, f.line, f.column, f.message].join('\u0000');
    // Identical findings are rare (the resolver removes them); a repeat gets its ordinal.
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    const fingerprint = createHash('sha256').update(count === 0 ? base : `${base}\u0000${count}`).digest('hex');
    return {
      description: f.message,
      check_name: f.code,
      fingerprint,
      severity: f.severity === 'error' ? 'major' : 'minor',
      location: { path: f.file.replace(/\\/g, '/'), lines: { begin: f.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
