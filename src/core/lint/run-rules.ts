import { analyzeLibrary } from '../library/analyze-metric.js';
import type { Library } from '../library/types.js';
import type { Problem, Severity } from '../problem.js';
import { RULES } from './rules/index.js';

/** Runs every registered rule; a rule that fails is a bug in rmos and surfaces as such. */
export function runRules(library: Library): Problem[] {
  const analysis = analyzeLibrary(library);
  return RULES.flatMap((rule) => rule.check(analysis).map((p) => (p.severity ? p : { ...p, severity: rule.severity })));
}

export function defaultSeverity(code: string): Severity {
  return RULES.find((rule) => rule.code === code)?.severity ?? 'error';
}
