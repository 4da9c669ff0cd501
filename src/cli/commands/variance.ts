import type { Tolerance } from '../../core/variance/compare-values.js';
import { writeFileAtomic } from '../../io/output/write-atomic.js';
import { runVariance } from '../../io/variance/run-variance.js';
import { VARIANCE_FORMATTERS, type VarianceFormat } from '../../report/variance/index.js';
import { UsageError, type CommandResult } from '../errors.js';
import { parseParams, splitList, splitPairs } from './compute.js';

export interface VarianceOptions {
  readonly data?: string;
  readonly source: readonly string[];
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  readonly metrics?: readonly string[];
  readonly param: readonly string[];
  readonly against: string;
  readonly tolerance: readonly string[];
  readonly explainBy?: string;
  readonly failOnVariance?: boolean;
  readonly requireNotes?: boolean;
  readonly format: string;
  readonly out?: string;
  readonly color: boolean;
}

/** `nps=3` is 3 points either way; `nps=5%` is 5% of the comparator. */
function parseTolerances(pairs: readonly string[]): Map<string, Tolerance> {
  const tolerances = new Map<string, Tolerance>();
  for (const [metric, text] of splitPairs('--tolerance', pairs)) {
    const relative = text.endsWith('%');
    const value = Number(relative ? text.slice(0, -1) : text);
    if (!Number.isFinite(value) || value < 0) throw new UsageError(`--tolerance ${metric}=${text}: give a non-negative number, or a percentage like 5%`);
    tolerances.set(metric, relative ? { relative: value / 100 } : { absolute: value });
  }
  return tolerances;
}

export async function varianceCommand(lib: string, options: VarianceOptions): Promise<CommandResult> {
  if (options.data === undefined && options.source.length === 0) throw new UsageError('say where the exports are: --data DIR or --source NAME=PATH');
  const params = parseParams(options.param);
  const report = await runVariance({
    library: lib,
    data: options.data,
    sources: splitPairs('--source', options.source),
    period: options.period,
    from: options.from,
    to: options.to,
    metrics: options.metrics ? splitList(options.metrics) : undefined,
    params,
    against: options.against,
    tolerances: parseTolerances(options.tolerance),
    explainBy: options.explainBy,
    onReject: () => undefined,
  });
  const text = VARIANCE_FORMATTERS[options.format as VarianceFormat](report, { color: options.color && options.out === undefined });
  const messages: string[] = [];
  let exitCode = 0;
  const beyond = report.metrics.filter((m) => m.beyond_tolerance === true);
  if (options.failOnVariance && beyond.length > 0) {
    exitCode = 1;
    messages.push(`${beyond.length} variance${beyond.length === 1 ? ' is' : 's are'} beyond tolerance: ${beyond.map((m) => m.id).join(', ')}`);
  }
  if (options.requireNotes) {
    const unexplained = beyond.filter((m) => m.notes.length === 0);
    if (unexplained.length > 0) {
      exitCode = 1;
      messages.push(`variances beyond tolerance need a note in notes/*.yaml: ${unexplained.map((m) => `${m.id} (${report.period.label})`).join(', ')}`);
    }
  }
  if (options.out !== undefined) {
    writeFileAtomic(options.out, text, '--out');
    messages.push(`wrote ${options.out}`);
  }
  return { exitCode, stdout: options.out === undefined ? text : undefined, stderr: messages.length ? `${messages.map((m) => `rmos: ${m}`).join('\n')}\n` : undefined };
}
