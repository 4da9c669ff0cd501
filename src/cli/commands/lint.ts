import { runRules } from '../../core/lint/run-rules.js';
import { loadAnnotations } from '../../io/annotations/load-annotations.js';
import { checkChanges } from '../../io/git/check-changes.js';
import { loadLibrary } from '../../io/library/load-library.js';
import { resolveFindings } from '../../io/library/resolve-findings.js';
import { LINT_FORMATTERS, summarize, type LintFormat } from '../../report/lint/index.js';
import { VERSION } from '../../version.js';
import { UsageError, type CommandResult } from '../errors.js';

export interface LintOptions {
  readonly format: string;
  readonly maxWarnings?: number;
  /** Report findings but exit 0, for rolling out rules gradually. */
  readonly exitZero?: boolean;
  /** Also run the change rules against this git revision (`--base origin/main`). */
  readonly base?: string;
  readonly color: boolean;
}

export function lintCommand(dir: string, options: LintOptions): CommandResult {
  if (!(options.format in LINT_FORMATTERS)) {
    throw new UsageError(`unknown format '${options.format}'; use one of ${Object.keys(LINT_FORMATTERS).join(', ')}`);
  }
  const loaded = loadLibrary(dir);
  // Targets and notes are checked like definitions: schema, then references.
  const annotations = loadAnnotations(loaded.library);
  const changes = options.base !== undefined ? checkChanges(dir, loaded, options.base) : undefined;
  const problems = [...loaded.problems, ...runRules(loaded.library), ...annotations.problems, ...(changes?.problems ?? [])];
  const findings = resolveFindings(problems, new Map([...loaded.files, ...annotations.files]));
  const report = summarize(loaded.library.manifest.name, findings, loaded.library.ownFiles.size + annotations.files.size);
  const text = LINT_FORMATTERS[options.format as LintFormat](report, { color: options.color, version: VERSION });
  const tooManyWarnings = options.maxWarnings !== undefined && report.warnings > options.maxWarnings;
  const stderr = tooManyWarnings && options.format === 'stylish'
    ? `rmos: ${report.warnings} warning${report.warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings} allows\n`
    : undefined;
  const failed = report.errors > 0 || tooManyWarnings;
  return { exitCode: failed && !options.exitZero ? 1 : 0, stdout: text, stderr: changes?.note ? `rmos: note: ${changes.note}\n${stderr ?? ''}` : stderr };
}
