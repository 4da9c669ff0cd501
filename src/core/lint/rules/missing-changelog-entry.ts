import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

export const missingChangelogEntry: Rule = {
  code: 'missing-changelog-entry',
  severity: 'error',
  description: "A metric's changelog has no entry for its current version.",
  check({ metrics }) {
    const problems: Problem[] = [];
    for (const { metric } of metrics.values()) {
      if (metric.changelog.some((entry) => entry.version === metric.version)) continue;
      problems.push({ code: 'missing-changelog-entry', file: metric.file, path: ['version'], message: `the changelog of '${metric.id}' has no entry for version ${metric.version}; add one saying what changed and why` });
    }
    return problems;
  },
};
