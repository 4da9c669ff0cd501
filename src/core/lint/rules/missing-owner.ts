import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

export const missingOwner: Rule = {
  code: 'missing-owner',
  severity: 'error',
  description: 'A metric has no owner answerable for its definition.',
  check({ metrics }) {
    const problems: Problem[] = [];
    for (const { metric } of metrics.values()) {
      if (metric.owner?.trim()) continue;
      problems.push({ code: 'missing-owner', file: metric.file, path: ['metric'], at: 'key', message: `metric '${metric.id}' has no owner; add 'owner:' with the team or person answerable for it` });
    }
    return problems;
  },
};
