import type { Finding, Problem } from '../../core/problem.js';
import { locate } from '../yaml/locate.js';
import type { YamlFile } from '../yaml/parse-yaml.js';

/** Places problems at a line and column of their file, once, in a stable order. */
export function resolveFindings(problems: readonly Problem[], files: ReadonlyMap<string, YamlFile>): Finding[] {
  const findings = problems.map((problem): Finding => {
    const severity = problem.severity ?? 'error';
    const file = files.get(problem.file);
    if (problem.position || !file) {
      const line = problem.position?.line ?? 1;
      const column = problem.position?.column ?? 1;
      return { code: problem.code, severity, message: problem.message, file: problem.file, line, column, endLine: line, endColumn: column };
    }
    const span = locate(file, problem.path, problem.at ?? 'value', problem.offset, problem.length);
    return { code: problem.code, severity, message: problem.message, file: problem.file, ...span };
  });
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.file}:${f.line}:${f.column}:${f.code}:${f.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.code, b.code));
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
