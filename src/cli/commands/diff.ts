import { runDiff } from '../../io/git/run-diff.js';
import { DIFF_FORMATTERS, type DiffFormat } from '../../report/diff/index.js';
import { writeFileAtomic } from '../../io/output/write-atomic.js';
import { UsageError, type CommandResult } from '../errors.js';
import { parseParams, splitList, splitPairs } from './compute.js';

export interface DiffOptions {
  readonly lib: string;
  readonly data?: string;
  readonly source: readonly string[];
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  readonly by: readonly string[];
  readonly metrics?: readonly string[];
  readonly param: readonly string[];
  readonly format: string;
  readonly out?: string;
  readonly color: boolean;
}

export async function diffCommand(refA: string, refB: string | undefined, options: DiffOptions): Promise<CommandResult> {
  if (!(options.format in DIFF_FORMATTERS)) throw new UsageError(`unknown format '${options.format}'; use one of ${Object.keys(DIFF_FORMATTERS).join(', ')}`);
  const sources = splitPairs('--source', options.source);
  const wantsData = options.data !== undefined || sources.size > 0;
  const periodGiven = options.period !== undefined || options.from !== undefined || options.to !== undefined;
  if (!wantsData && (periodGiven || options.by.length > 0 || options.param.length > 0)) {
    throw new UsageError('--period, --from/--to, --by and --param compute the numeric impact and need the exports: add --data DIR or --source NAME=PATH');
  }
  let invalid = 0;
  const report = await runDiff({
    library: options.lib,
    from: refA,
    to: refB,
    data: options.data,
    sources,
    period: options.period,
    periodFrom: options.from,
    periodTo: options.to,
    by: splitList(options.by),
    metrics: options.metrics ? splitList(options.metrics) : undefined,
    parameters: parseParams(options.param),
    onReject: (reject) => {
      if (!reject.reason.startsWith('duplicate ')) invalid++;
    },
  });
  const text = DIFF_FORMATTERS[options.format as DiffFormat](report, { color: options.color && options.out === undefined });
  const notes: string[] = [];
  if (invalid > 0) notes.push(`note: ${invalid} invalid value${invalid === 1 ? '' : 's'} not counted (in both versions alike; 'rmos compute --rejects FILE' lists them)`);
  if (options.out !== undefined) {
    writeFileAtomic(options.out, text, '--out');
    notes.push(`wrote ${options.out}`);
  }
  return { exitCode: 0, stdout: options.out === undefined ? text : undefined, stderr: notes.length > 0 ? `${notes.join('\n')}\n` : undefined };
}
