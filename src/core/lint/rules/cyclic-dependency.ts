import type { Problem } from '../../problem.js';
import { expressionProblems, type Rule } from '../rule.js';

export const cyclicDependency: Rule = {
  code: 'cyclic-dependency',
  severity: 'error',
  description: 'Metrics depend on each other in a loop, so none of them can be computed.',
  check(analysis) {
    const problems: Problem[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const reported = new Set<string>();
    const stack: string[] = [];
    const visit = (id: string): void => {
      const metric = analysis.metrics.get(id);
      if (!metric || state.get(id) === 'done') return;
      if (state.get(id) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(id)), id];
        const key = [...cycle.slice(0, -1)].sort().join(',');
        if (reported.has(key)) return;
        reported.add(key);
        for (const member of new Set(cycle)) {
          const analyzed = analysis.metrics.get(member)!;
          const rotated = [...cycle.slice(cycle.indexOf(member), -1), ...cycle.slice(0, cycle.indexOf(member)), member];
          problems.push({
            code: 'cyclic-dependency',
            file: analyzed.metric.file,
            path: ['formula'],
            message: `metrics depend on each other in a loop: ${rotated.join(' -> ')}`,
          });
        }
        return;
      }
      state.set(id, 'visiting');
      stack.push(id);
      for (const ref of metric.metricRefs) visit(ref);
      stack.pop();
      state.set(id, 'done');
    };
    for (const id of [...analysis.metrics.keys()].sort()) visit(id);
    return [...expressionProblems(analysis, ['cyclic-dependency']), ...problems];
  },
};
