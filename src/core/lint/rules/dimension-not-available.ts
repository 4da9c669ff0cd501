import { metricSources } from '../../library/resolve-sources.js';
import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

export const dimensionNotAvailable: Rule = {
  code: 'dimension-not-available',
  severity: 'error',
  description: 'A metric allows a dimension that is not a column of every source it reads, so its segments could not add up.',
  check({ library, metrics }) {
    const problems: Problem[] = [];
    for (const { metric } of metrics.values()) {
      const sources = metricSources(library, metric);
      metric.dimensions.forEach((dimension, index) => {
        const lacking = sources.filter((s) => !s.columns.has(dimension)).map((s) => s.id);
        if (lacking.length === 0) return;
        problems.push({
          code: 'dimension-not-available',
          file: metric.file,
          path: ['dimensions', index],
          message: `the dimension '${dimension}' is not a column of ${lacking.join(' and ')}, which ${metric.id} reads`,
        });
      });
    }
    return problems;
  },
};
