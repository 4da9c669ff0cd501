import type { Problem } from '../../problem.js';
import type { ChangeRule } from '../change-rule.js';

export const metricRemovedWithoutDeprecation: ChangeRule = {
  code: 'metric-removed-without-deprecation',
  severity: 'error',
  description: 'A metric was deleted without first being released with status: deprecated.',
  check(context) {
    const problems: Problem[] = [];
    for (const d of context.diffs) {
      // A file that no longer loads still names its id; that is reported where it breaks, not as a removal.
      if (d.status !== 'removed' || !d.before || d.before.status === 'deprecated' || context.head.brokenIds.has(d.id)) continue;
      problems.push({
        code: 'metric-removed-without-deprecation',
        file: d.before.file,
        path: [],
        position: { line: 1, column: 1 },
        message: `metric '${d.id}' was removed, but it was ${d.before.status} (not deprecated) at ${context.baseLabel}; release it with status: deprecated first, so reports and metrics that use it are warned, then remove it`,
      });
    }
    return problems;
  },
};
