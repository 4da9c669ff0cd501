import { Chalk } from 'chalk';
import type { LintFormatter } from './lint-report.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The familiar eslint-like listing: findings grouped by file, then a one-line summary. */
export const formatStylish: LintFormatter = (report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (report.findings.length === 0) {
    return `${c.green('✔')} ${report.library}: ${plural(report.files, 'file')} checked, no problems\n`;
  }
  const lines: string[] = [];
  let file: string | undefined;
  const width = Math.max(...report.findings.map((f) => `${f.line}:${f.column}`.length));
  for (const finding of report.findings) {
    if (finding.file !== file) {
      if (file !== undefined) lines.push('');
      file = finding.file;
      lines.push(c.underline(file));
    }
    const where = `${finding.line}:${finding.column}`.padEnd(width);
    const severity = finding.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    lines.push(`  ${c.dim(where)}  ${severity}  ${finding.message}  ${c.dim(finding.code)}`);
  }
  const total = report.errors + report.warnings;
  const mark = report.errors > 0 ? c.red('✖') : c.yellow('⚠');
  lines.push('', `${mark} ${plural(total, 'problem')} (${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}) in ${plural(report.files, 'file')} checked`);
  return `${lines.join('\n')}\n`;
};
