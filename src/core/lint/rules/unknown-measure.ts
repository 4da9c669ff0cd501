import { didYouMean } from '../../did-you-mean.js';
import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

export const unknownMeasure: Rule = {
  code: 'unknown-measure',
  severity: 'error',
  description: "'sample' or 'interval' names a measure the metric does not define, or one of the wrong kind.",
  check({ metrics }) {
    const problems: Problem[] = [];
    for (const { metric } of metrics.values()) {
      const names = [...metric.measures.keys()];
      const check = (path: (string | number)[], name: string | undefined, needs?: 'count' | 'avg'): void => {
        if (name === undefined) return;
        const measure = metric.measures.get(name);
        if (!measure) {
          problems.push({ code: 'unknown-measure', file: metric.file, path, message: `'${name}' is not a measure of ${metric.id}${didYouMean(name, names)}` });
        } else if (needs === 'count' && measure.aggregate !== 'count' && measure.aggregate !== 'count_distinct') {
          problems.push({ code: 'unknown-measure', file: metric.file, path, message: `'${name}' must be a count for this interval, but it is ${measure.aggregate}` });
        } else if (needs === 'avg' && measure.aggregate !== 'avg') {
          problems.push({ code: 'unknown-measure', file: metric.file, path, message: `the t interval needs an avg measure, but '${name}' is ${measure.aggregate}` });
        }
      };
      check(['sample'], metric.sample, 'count');
      check(['weight'], metric.weight);
      const interval = metric.interval;
      if (interval?.method === 'trinomial') {
        check(['interval', 'promoters'], interval.promoters, 'count');
        check(['interval', 'detractors'], interval.detractors, 'count');
        check(['interval', 'total'], interval.total, 'count');
      } else if (interval?.method === 'wilson') {
        check(['interval', 'successes'], interval.successes, 'count');
        check(['interval', 'total'], interval.total, 'count');
      } else if (interval?.method === 't') {
        check(['interval', 'mean'], interval.mean, 'avg');
      }
      if (metric.minSample !== undefined && metric.sample === undefined) {
        problems.push({ code: 'unknown-measure', file: metric.file, path: ['min_sample'], at: 'key', message: `'min_sample' needs 'sample:' naming the measure that counts the sample` });
      }
    }
    return problems;
  },
};
