import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

export const unusedMeasure: Rule = {
  code: 'unused-measure',
  severity: 'warning',
  description: 'A measure is neither in the formula nor the sample or interval: it costs a reader attention and changes nothing.',
  check({ metrics }) {
    const problems: Problem[] = [];
    for (const analyzed of metrics.values()) {
      const { metric } = analyzed;
      if (!analyzed.formula.expr) continue;
      const used = new Set<string>(analyzed.measureRefs);
      if (metric.sample) used.add(metric.sample);
      if (metric.weight) used.add(metric.weight);
      const interval = metric.interval;
      if (interval) for (const [key, value] of Object.entries(interval)) if (key !== 'method' && typeof value === 'string') used.add(value);
      for (const name of metric.measures.keys()) {
        if (used.has(name)) continue;
        problems.push({ code: 'unused-measure', file: metric.file, path: ['measures', name], at: 'key', message: `the measure '${name}' is not used by the formula, sample or interval` });
      }
    }
    return problems;
  },
};
