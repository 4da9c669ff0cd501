import type { MetricDiff } from '../diff/change-types.js';
import type { Library } from '../library/types.js';
import type { Problem, Severity } from '../problem.js';

/** What change rules compare: the library at the base revision and now, metric by metric. */
export interface ChangeContext {
  readonly base: Library;
  readonly head: Library;
  /** The library's own metrics (not those of a library it extends), compared. */
  readonly diffs: readonly MetricDiff[];
  /** How the base was named on the command line, for messages (e.g. origin/main). */
  readonly baseLabel: string;
}

/** A change rule: like a lint rule, but over the difference between two revisions. */
export interface ChangeRule {
  readonly code: string;
  readonly severity: Severity;
  readonly description: string;
  check(context: ChangeContext): Problem[];
}

/** Changed metrics present in both revisions. */
export function changedMetrics(context: ChangeContext): (MetricDiff & { before: NonNullable<MetricDiff['before']>; after: NonNullable<MetricDiff['after']> })[] {
  return context.diffs.filter((d): d is MetricDiff & { before: NonNullable<MetricDiff['before']>; after: NonNullable<MetricDiff['after']> } => d.status === 'changed' && !!d.before && !!d.after);
}
