import type { LibraryAnalysis } from '../library/analyze-metric.js';
import type { Problem, Severity } from '../problem.js';

/** A lint rule: a stable code, a default severity, and a check over the analysed library. */
export interface Rule {
  readonly code: string;
  readonly severity: Severity;
  readonly description: string;
  check(analysis: LibraryAnalysis): Problem[];
}

/** Turns the issues one expression check found (of one code) into problems placed inside the expression. */
export function expressionProblems(analysis: LibraryAnalysis, codes: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const metric of analysis.metrics.values()) {
    for (const expression of [...metric.conditions, metric.formula]) {
      for (const issue of expression.issues) {
        if (!codes.includes(issue.code)) continue;
        problems.push({
          code: issue.code,
          message: issue.message,
          file: metric.metric.file,
          path: expression.path,
          offset: issue.span.start,
          length: Math.max(1, issue.span.end - issue.span.start),
        });
      }
    }
  }
  return problems;
}
