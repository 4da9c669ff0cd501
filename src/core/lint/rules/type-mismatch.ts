import { valueTypeOf } from '../../expression/types.js';
import { measureSourceId } from '../../library/resolve-sources.js';
import type { Problem } from '../../problem.js';
import { expressionProblems, type Rule } from '../rule.js';

const NUMERIC_AGGREGATES = new Set(['sum', 'avg', 'median', 'percentile']);

export const typeMismatch: Rule = {
  code: 'type-mismatch',
  severity: 'error',
  description: 'A value is used with the wrong type: summing text, comparing a date with a number, a formula that is not a number.',
  check(analysis) {
    const problems: Problem[] = expressionProblems(analysis, ['type-mismatch']);
    for (const { metric } of analysis.metrics.values()) {
      for (const measure of metric.measures.values()) {
        const sourceId = measureSourceId(metric, measure);
        const column = measure.column && sourceId ? analysis.library.sources.get(sourceId)?.columns.get(measure.column) : undefined;
        if (!column) continue;
        const type = valueTypeOf(column.type);
        const numericOnly = NUMERIC_AGGREGATES.has(measure.aggregate);
        const ordered = measure.aggregate === 'min' || measure.aggregate === 'max';
        if ((numericOnly && type !== 'number') || (ordered && !['number', 'date', 'timestamp'].includes(type))) {
          problems.push({
            code: 'type-mismatch',
            file: metric.file,
            path: ['measures', measure.name, 'column'],
            message: `'${measure.aggregate}' needs a ${ordered ? 'number, date or timestamp' : 'numeric'} column, but ${sourceId}.${column.name} is ${column.type}`,
          });
        }
      }
    }
    return problems;
  },
};
