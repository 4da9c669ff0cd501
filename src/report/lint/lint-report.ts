import type { Finding } from '../../core/problem.js';

export interface LintReport {
  readonly library: string;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  readonly files: number;
}

export interface FormatOptions {
  readonly color: boolean;
  readonly version: string;
}

export type LintFormatter = (report: LintReport, options: FormatOptions) => string;

export function summarize(library: string, findings: readonly Finding[], files: number): LintReport {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { library, findings, errors, warnings: findings.length - errors, files };
}
