import { basename, extname } from 'node:path';
import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

export const idFileMismatch: Rule = {
  code: 'id-file-mismatch',
  severity: 'error',
  description: "A definition's id differs from its file name, so people and tools look for it in the wrong file.",
  check(analysis) {
    const problems: Problem[] = [];
    for (const entry of analysis.library.entries) {
      const expected = basename(entry.file, extname(entry.file));
      if (expected === entry.id) continue;
      problems.push({
        code: 'id-file-mismatch',
        file: entry.file,
        path: [entry.kind],
        message: `the ${entry.kind} id '${entry.id}' does not match the file name '${basename(entry.file)}'; rename the file to ${entry.id}${extname(entry.file)} or change the id to '${expected}'`,
      });
    }
    return problems;
  },
};
