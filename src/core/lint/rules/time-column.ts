import { measureSourceId, measureTimeColumn } from '../../library/resolve-sources.js';
import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

export const timeColumn: Rule = {
  code: 'time-column',
  severity: 'error',
  description: 'Rows of a measure cannot be placed in a period: no time column, a time column that is not a date or timestamp, or two time columns for one source within a metric.',
  check({ library, metrics }) {
    const problems: Problem[] = [];
    for (const source of library.sources.values()) {
      if (!library.ownFiles.has(source.file) || source.timeColumn === undefined) continue;
      const column = source.columns.get(source.timeColumn);
      if (column && column.type !== 'date' && column.type !== 'timestamp') {
        problems.push({ code: 'time-column', file: source.file, path: ['time_column'], message: `the time column '${column.name}' is ${column.type}; it must be a date or timestamp column` });
      }
    }
    for (const { metric } of metrics.values()) {
      const chosen = new Map<string, string>();
      for (const measure of metric.measures.values()) {
        const sourceId = measureSourceId(metric, measure);
        const source = sourceId ? library.sources.get(sourceId) : undefined;
        if (!source) continue;
        const time = measureTimeColumn(metric, measure, source);
        const path = ['measures', measure.name];
        if (time === undefined) {
          problems.push({ code: 'time-column', file: metric.file, path, at: 'key', message: `measure '${measure.name}' cannot be placed in a period: ${source.id} has no time_column; give the measure 'time_column:'` });
          continue;
        }
        const column = source.columns.get(time);
        if (measure.timeColumn !== undefined && column && column.type !== 'date' && column.type !== 'timestamp') {
          problems.push({ code: 'time-column', file: metric.file, path: [...path, 'time_column'], message: `the time column '${time}' is ${column.type}; it must be a date or timestamp column` });
        }
        const earlier = chosen.get(source.id);
        if (earlier !== undefined && earlier !== time) {
          problems.push({ code: 'time-column', file: metric.file, path: [...path, 'time_column'], message: `measures of ${metric.id} place ${source.id} rows by both '${earlier}' and '${time}'; one metric uses one time column per source` });
        }
        chosen.set(source.id, time);
      }
    }
    return problems;
  },
};
