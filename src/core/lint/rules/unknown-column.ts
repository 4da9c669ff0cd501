import { didYouMean } from '../../did-you-mean.js';
import { measureSourceId } from '../../library/resolve-sources.js';
import type { Problem } from '../../problem.js';
import type { SourceDef } from '../../library/types.js';
import type { Rule } from '../rule.js';

export const unknownColumn: Rule = {
  code: 'unknown-column',
  severity: 'error',
  description: 'A measure, key or time column names a column its source does not define.',
  check({ library, metrics }) {
    const problems: Problem[] = [];
    const check = (source: SourceDef | undefined, name: string | undefined, file: string, path: (string | number)[], what: string): void => {
      if (!source || name === undefined || source.columns.has(name)) return;
      problems.push({ code: 'unknown-column', file, path, message: `${what} '${name}' is not a column of ${source.id}${didYouMean(name, source.columns.keys())}` });
    };
    for (const source of library.sources.values()) {
      if (!library.ownFiles.has(source.file)) continue;
      check(source, source.timeColumn, source.file, ['time_column'], 'the time column');
      check(source, source.key, source.file, ['key'], 'the key');
    }
    for (const { metric } of metrics.values()) {
      for (const measure of metric.measures.values()) {
        const sourceId = measureSourceId(metric, measure);
        const source = sourceId ? library.sources.get(sourceId) : undefined;
        check(source, measure.column, metric.file, ['measures', measure.name, 'column'], 'the column');
        check(source, measure.timeColumn, metric.file, ['measures', measure.name, 'time_column'], 'the time column');
      }
    }
    return problems;
  },
};
