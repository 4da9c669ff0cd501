import { didYouMean } from '../../did-you-mean.js';
import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

export const unknownSource: Rule = {
  code: 'unknown-source',
  severity: 'error',
  description: 'A metric, measure or exclusion reads a source the library does not define, or names no source at all.',
  check({ library, metrics }) {
    const problems: Problem[] = [];
    const known = [...library.sources.keys()];
    const check = (file: string, path: (string | number)[], id: string | undefined, what: string): void => {
      if (id === undefined || library.sources.has(id) || library.brokenIds.has(id)) return;
      problems.push({ code: 'unknown-source', file, path, message: `${what} reads the source '${id}', which is not defined${didYouMean(id, known)}` });
    };
    for (const { metric } of metrics.values()) {
      check(metric.file, ['source'], metric.source, `metric '${metric.id}'`);
      for (const measure of metric.measures.values()) {
        check(metric.file, ['measures', measure.name, 'source'], measure.source, `measure '${measure.name}'`);
        if (measure.source === undefined && metric.source === undefined) {
          problems.push({ code: 'unknown-source', file: metric.file, path: ['measures', measure.name], at: 'key', message: `measure '${measure.name}' has no source: give it 'source:' or give the metric one` });
        }
      }
      for (const exclusion of metric.exclusions.values()) {
        check(metric.file, ['exclusions', exclusion.name, 'source'], exclusion.source, `exclusion '${exclusion.name}'`);
        if (exclusion.source === undefined && metric.source === undefined) {
          problems.push({ code: 'unknown-source', file: metric.file, path: ['exclusions', exclusion.name], at: 'key', message: `exclusion '${exclusion.name}' has no source: give it 'source:' or give the metric one` });
        }
      }
    }
    return problems;
  },
};
