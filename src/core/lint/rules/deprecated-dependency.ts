import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

export const deprecatedDependency: Rule = {
  code: 'deprecated-dependency',
  severity: 'warning',
  description: 'A metric that is not deprecated builds on a deprecated metric.',
  check({ metrics }) {
    const problems: Problem[] = [];
    for (const analyzed of metrics.values()) {
      if (analyzed.metric.status === 'deprecated') continue;
      for (const ref of analyzed.metricRefs) {
        if (metrics.get(ref)?.metric.status !== 'deprecated') continue;
        const offset = analyzed.metric.formula.search(new RegExp(`\\b${ref}\\b`));
        problems.push({ code: 'deprecated-dependency', file: analyzed.metric.file, path: ['formula'], offset: Math.max(0, offset), length: ref.length, message: `'${analyzed.metric.id}' uses the deprecated metric '${ref}'; move to its replacement before it is removed` });
      }
    }
    return problems;
  },
};
