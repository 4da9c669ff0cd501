import type { LintFormatter } from './lint-report.js';

/** GitHub's escaping for a workflow command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping for a workflow command's property values, where ':' and ',' are separators. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * GitHub Actions workflow commands (`::error file=...::message`): the runner turns each
 * into an annotation on the pull request's diff. The last line is a plain summary for the log.
 */
export const formatGithub: LintFormatter = (report) => {
  const lines = report.findings.map((f) => {
    const properties = [
      `file=${escapeProperty(f.file.replace(/\\/g, '/'))}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${f.endColumn}`,
      `title=${escapeProperty(`rmos ${f.code}`)}`,
    ];
    return `::${f.severity} ${properties.join(',')}::${escapeData(f.message)}`;
  });
  const total = report.errors + report.warnings;
  lines.push(
    total === 0
      ? `rmos: ${report.library}: ${plural(report.files, 'file')} checked, no problems`
      : `rmos: ${report.library}: ${plural(total, 'problem')} (${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}) in ${plural(report.files, 'file')} checked`,
  );
  return `${lines.join('\n')}\n`;
};
