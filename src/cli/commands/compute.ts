import { runCompute } from '../../io/compute/run-compute.js';
import type { Reject } from '../../io/data/read-source.js';
import { AtomicFile, writeFileAtomic } from '../../io/output/write-atomic.js';
import { csvCell } from '../../report/compute/format-csv.js';
import type { ComputeFormatter } from '../../report/compute/formatter.js';
import type { ComputeFormat } from '../../report/compute/index.js';
import { UsageError, type CommandResult } from '../errors.js';
import { interruptSignal } from '../interrupt.js';
import { clearProgressLine, progressLine } from '../progress-line.js';

export interface ComputeOptions {
  readonly data?: string;
  readonly source: readonly string[];
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  readonly by: readonly string[];
  readonly metrics?: readonly string[];
  readonly param: readonly string[];
  readonly compare?: 'prior' | 'yoy';
  readonly trend?: number;
  readonly format: string;
  readonly out?: string;
  readonly rejects?: string;
  readonly strict?: boolean;
  readonly timestamp?: boolean;
  readonly at?: string;
  readonly engine?: 'builtin' | 'duckdb';
  readonly color: boolean;
}

const EXAMPLES_SHOWN = 5;

/** Each format's code, imported when that format is asked for: a table does not load the HTML page's. */
const FORMATTERS: Record<ComputeFormat, () => Promise<ComputeFormatter>> = {
  table: async () => (await import('../../report/compute/format-table.js')).formatTable,
  json: async () => (await import('../../report/compute/format-json.js')).formatJson,
  csv: async () => (await import('../../report/compute/format-csv.js')).formatCsv,
  markdown: async () => (await import('../../report/compute/format-markdown.js')).formatMarkdown,
  html: async () => (await import('../../report/compute/format-html.js')).formatHtml,
};

export function splitPairs(flag: string, pairs: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw new UsageError(`${flag} takes NAME=VALUE, not '${pair}'`);
    map.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return map;
}

/** `--param NAME=VALUE` pairs; every value must be a number. */
export function parseParams(pairs: readonly string[]): Map<string, number> {
  const params = new Map<string, number>();
  for (const [name, text] of splitPairs('--param', pairs)) {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--param ${name}=${text}: the value must be a number`);
    params.set(name, value);
  }
  return params;
}

export function splitList(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export async function computeCommand(lib: string, options: ComputeOptions): Promise<CommandResult> {
  if (!Object.hasOwn(FORMATTERS, options.format)) throw new UsageError(`unknown format '${options.format}'; use one of ${Object.keys(FORMATTERS).join(', ')}`);
  const sources = splitPairs('--source', options.source);
  const params = parseParams(options.param);
  if (options.trend !== undefined && (options.trend < 2 || options.trend > 60)) throw new UsageError('--trend takes a number of periods from 2 to 60');
  if (options.data === undefined && sources.size === 0) {
    throw new UsageError('say where the exports are: --data DIR (files named after their source, e.g. survey_responses.csv) or --source NAME=PATH');
  }

  const rejectsFile = options.rejects !== undefined ? new AtomicFile(options.rejects, '--rejects') : undefined;
  rejectsFile?.write('file,line,column,field,value,reason\r\n');
  const examples: Reject[] = [];
  let invalidCells = 0;
  const onReject = (reject: Reject): void => {
    if (!reject.reason.startsWith('duplicate ')) invalidCells++;
    if (examples.length < EXAMPLES_SHOWN) examples.push(reject);
    rejectsFile?.write(`${[reject.file, reject.line, reject.column, reject.field, reject.value, reject.reason].map((v) => csvCell(v)).join(',')}\r\n`);
  };

  let outcome;
  try {
    outcome = await runCompute({
      library: lib,
      data: options.data,
      sources,
      period: options.period,
      from: options.from,
      to: options.to,
      by: splitList(options.by),
      metrics: options.metrics ? splitList(options.metrics) : undefined,
      params,
      compare: options.compare,
      trend: options.trend,
      timestamp: options.timestamp,
      at: options.at,
      engine: options.engine,
      onProgress: progressLine(),
      onReject,
      signal: interruptSignal(),
    });
  } catch (error) {
    clearProgressLine();
    rejectsFile?.abort();
    throw error;
  }
  clearProgressLine();
  rejectsFile?.commit();

  const format = await FORMATTERS[options.format as ComputeFormat]();
  const text = format(outcome.report, { color: options.color && options.out === undefined });
  const notes: string[] = [...outcome.notes.map((n) => `note: ${n}`)];
  if (invalidCells > 0 || outcome.duplicates > 0) {
    const parts = [invalidCells > 0 ? `${invalidCells} invalid value${invalidCells === 1 ? '' : 's'}` : '', outcome.duplicates > 0 ? `${outcome.duplicates} duplicate row${outcome.duplicates === 1 ? '' : 's'}` : ''].filter(Boolean);
    notes.push(`${parts.join(' and ')} not counted${options.rejects ? ` (all listed in ${options.rejects})` : ' (list them all with --rejects FILE)'}; first:`);
    for (const r of examples) notes.push(`  ${r.file}:${r.line}${r.column !== null ? `:${r.column}` : ''} ${r.field ? `${r.field}: ` : ''}${r.reason}`);
  }
  if (options.out !== undefined) {
    writeFileAtomic(options.out, text, '--out');
    notes.push(`wrote ${options.out}`);
  }
  return {
    exitCode: options.strict && invalidCells > 0 ? 1 : 0,
    stdout: options.out === undefined ? text : undefined,
    stderr: notes.length > 0 ? `${notes.join('\n')}\n` : undefined,
  };
}
