import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

const NEEDS_COLUMN = new Set(['count_distinct', 'sum', 'avg', 'min', 'max', 'median', 'percentile']);

export const invalidMeasure: Rule = {
  code: 'invalid-measure',
  severity: 'error',
  description: 'A measure lacks what its aggregation needs: a column to aggregate, or p for a percentile.',
  check({ metrics }) {
    const problems: Problem[] = [];
    for (const { metric } of metrics.values()) {
      for (const measure of metric.measures.values()) {
        const path = ['measures', measure.name];
        if (NEEDS_COLUMN.has(measure.aggregate) && measure.column === undefined) {
          problems.push({ code: 'invalid-measure', file: metric.file, path: [...path, 'aggregate'], message: `'${measure.aggregate}' needs 'column:' naming the column to aggregate` });
        }
        if (measure.aggregate === 'percentile' && measure.p === undefined) {
          problems.push({ code: 'invalid-measure', file: metric.file, path: [...path, 'aggregate'], message: `'percentile' needs 'p:' between 0 and 1, e.g. p: 0.9` });
        }
        if (measure.aggregate !== 'percentile' && measure.p !== undefined) {
          problems.push({ code: 'invalid-measure', file: metric.file, path: [...path, 'p'], at: 'key', message: `'p' applies only to aggregate: percentile` });
        }
      }
    }
    return problems;
  },
};
