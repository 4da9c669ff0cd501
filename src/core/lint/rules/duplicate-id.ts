import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

export const duplicateId: Rule = {
  code: 'duplicate-id',
  severity: 'error',
  description: 'Two files of one library define the same source or metric id.',
  check(analysis) {
    const problems: Problem[] = [];
    const first = new Map<string, string>();
    for (const entry of analysis.library.entries) {
      const key = `${entry.kind}:${entry.id}`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, entry.file);
        continue;
      }
      problems.push({
        code: 'duplicate-id',
        file: entry.file,
        path: [entry.kind],
        message: `the ${entry.kind} '${entry.id}' is already defined in ${earlier}; ids must be unique (this file is ignored)`,
      });
    }
    return problems;
  },
};
