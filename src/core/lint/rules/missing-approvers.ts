import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

export const missingApprovers: Rule = {
  code: 'missing-approvers',
  severity: 'error',
  description: 'An approved metric lists nobody who approved it.',
  check({ metrics }) {
    const problems: Problem[] = [];
    for (const { metric } of metrics.values()) {
      if (metric.status !== 'approved' || metric.approvers.length > 0) continue;
      problems.push({ code: 'missing-approvers', file: metric.file, path: ['status'], message: `metric '${metric.id}' is approved but lists no approvers; add 'approvers:' or set the status to draft` });
    }
    return problems;
  },
};
