import { relative } from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import { finalizeMetrics } from '../../core/compute/finalize.js';
import { planCompute } from '../../core/compute/plan.js';
import { SourceRun, type DuplicateRow } from '../../core/compute/source-run.js';
import { didYouMean } from '../../core/did-you-mean.js';
import { analyzeLibrary } from '../../core/library/analyze-metric.js';
import { runRules } from '../../core/lint/run-rules.js';
import { isoFromDay, parsePeriod, rangePeriod, type Period } from '../../core/periods/index.js';
import type { ComputeReport } from '../../report/compute/report.js';
import { VERSION } from '../../version.js';
import { checkDataDir, filesAt, findSourceFiles } from '../data/find-source-files.js';
import { sha256File } from '../data/hash-file.js';
import { readSourceFile, type Reject } from '../data/read-source.js';
import { libraryRevision } from '../git/library-revision.js';
import { loadLibrary } from '../library/load-library.js';
import { resolveFindings } from '../library/resolve-findings.js';

export interface ComputeRequest {
  readonly library: string;
  readonly data?: string;
  readonly sources: ReadonlyMap<string, string>;
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  readonly by: readonly string[];
  readonly metrics?: readonly string[];
  readonly params: ReadonlyMap<string, number>;
  readonly timestamp?: boolean;
  readonly onReject: (reject: Reject) => void;
  readonly onProgress?: (bytes: number, rows: number) => void;
  readonly signal?: AbortSignal;
}

export interface ComputeOutcome {
  readonly report: ComputeReport;
  readonly duplicates: number;
  readonly notes: readonly string[];
}

function resolvePeriod(request: ComputeRequest, fiscalYearStartMonth: number): Period {
  if (request.period !== undefined && (request.from !== undefined || request.to !== undefined)) {
    throw new UsageError('give either --period or --from/--to, not both');
  }
  if (request.from !== undefined || request.to !== undefined) {
    if (request.from === undefined || request.to === undefined) throw new UsageError('--from and --to go together: give both dates (YYYY-MM-DD)');
    const range = rangePeriod(request.from, request.to);
    if ('error' in range) throw new UsageError(range.error);
    return range;
  }
  if (request.period === undefined) throw new UsageError('say which period to compute: --period 2025-Q3 (or 2025-10, 2025-W14, 2025, FY2026, FY2026-Q1), or --from/--to');
  const period = parsePeriod(request.period, { fiscalYearStartMonth });
  if ('error' in period) throw new UsageError(`--period ${request.period}: ${period.error}`);
  return period;
}

/** Loads the library, reads every export once per source and computes the report. */
export async function runCompute(request: ComputeRequest): Promise<ComputeOutcome> {
  const loaded = loadLibrary(request.library);
  const { library } = loaded;
  const errors = resolveFindings([...loaded.problems, ...runRules(library)], loaded.files).filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new InputError(`the library has ${errors.length} error${errors.length === 1 ? '' : 's'} (first: ${first.file}:${first.line}:${first.column} ${first.message}); run 'rmos lint ${request.library}' and fix them first`);
  }
  const period = resolvePeriod(request, library.manifest.fiscalYearStartMonth);
  const periodOf = (label: string): Period | undefined => {
    const p = parsePeriod(label, { fiscalYearStartMonth: library.manifest.fiscalYearStartMonth });
    return 'error' in p ? undefined : p;
  };

  const known = [...library.metrics.keys()];
  const metricIds = request.metrics ?? known.filter((id) => library.metrics.get(id)!.status !== 'deprecated');
  for (const id of metricIds) {
    if (!library.metrics.has(id)) throw new UsageError(`--metrics: there is no metric '${id}'${didYouMean(id, known)}; the library has ${known.join(', ')}`);
  }
  const notes: string[] = [];
  for (const dimension of request.by) {
    const allowing = metricIds.filter((id) => library.metrics.get(id)!.dimensions.includes(dimension));
    if (allowing.length === 0) {
      const all = [...new Set(metricIds.flatMap((id) => library.metrics.get(id)!.dimensions))];
      throw new UsageError(`--by ${dimension}: no requested metric allows this dimension${didYouMean(dimension, all)}; allowed: ${all.join(', ') || 'none'}`);
    }
  }
  if (request.by.length > 0) {
    for (const id of metricIds) {
      const allowed = library.metrics.get(id)!.dimensions;
      const lacking = request.by.filter((d) => !allowed.includes(d));
      if (lacking.length > 0) notes.push(`${id} is not segmented: it does not allow ${lacking.join(', ')} (allowed: ${allowed.join(', ') || 'none'})`);
    }
  }

  const parameters = new Map<string, number>([...library.parameters].map(([name, p]) => [name, p.value]));
  for (const [name, value] of request.params) {
    if (!parameters.has(name)) throw new UsageError(`--param ${name}: the library has no parameter '${name}'${didYouMean(name, parameters.keys())}`);
    parameters.set(name, value);
  }

  const analysis = analyzeLibrary(library);
  const plan = planCompute(analysis, metricIds, request.by);
  for (const name of request.sources.keys()) {
    if (!library.sources.has(name)) throw new UsageError(`--source ${name}=...: the library has no source '${name}'${didYouMean(name, library.sources.keys())}`);
  }
  if (request.data !== undefined) checkDataDir(request.data);

  const inputs: ComputeReport['inputs'][number][] = [];
  const runs: SourceRun[] = [];
  const fileNames: string[] = [];
  let duplicates = 0;
  for (const sourcePlan of plan.sources) {
    const id = sourcePlan.source.id;
    const given = request.sources.get(id);
    const files = given !== undefined ? filesAt(given, id) : request.data !== undefined ? findSourceFiles(request.data, id) : [];
    const readers = sourcePlan.tasks.map((t) => t.metricId).filter((m, i, all) => all.indexOf(m) === i);
    if (files.length === 0) {
      const where = request.data !== undefined ? `in ${request.data} (looked for ${id}.csv, ${id}*.csv, ${id}*.csv.gz and ${id}/)` : 'because neither --data nor --source was given';
      throw new InputError(`no export for the source '${id}' ${where}; ${readers.join(', ')} ${readers.length === 1 ? 'needs' : 'need'} it. Use --source ${id}=PATH, or --metrics to leave ${readers.length === 1 ? 'it' : 'them'} out.`);
    }
    const onDuplicate = (d: DuplicateRow): void => {
      duplicates++;
      request.onReject({
        file: fileNames[d.at.file]!,
        line: d.at.line,
        column: null,
        field: sourcePlan.source.key ?? null,
        value: d.key,
        reason: `duplicate ${sourcePlan.source.key} ${d.key}: first seen at ${fileNames[d.first.file]}:${d.first.line}; counted once`,
      });
    };
    const run = new SourceRun(sourcePlan, period, library.manifest.timezone, onDuplicate);
    const fileEntries: { path: string; sha256: string; rows: number }[] = [];
    for (const file of files) {
      const shown = displayPath(file);
      fileNames.push(shown);
      const read = await readSourceFile(shown, fileNames.length - 1, sourcePlan, run, { timezone: library.manifest.timezone, onReject: request.onReject, onProgress: request.onProgress, signal: request.signal });
      fileEntries.push({ path: shown, sha256: await sha256File(file), rows: read.rows });
    }
    if (sourcePlan.source.onDuplicate === 'error' && duplicates > 0) {
      throw new InputError(`${id}: ${duplicates} rows repeat a ${sourcePlan.source.key} already seen, and the source says on_duplicate: error`);
    }
    runs.push(run);
    inputs.push({ source: id, files: fileEntries });
  }

  const metrics = finalizeMetrics({ analysis, plan, runs, period, parameters, periodOf }, metricIds);
  const revision = libraryRevision(library.root);
  const report: ComputeReport = {
    rmos: VERSION,
    ...(request.timestamp ? { generated_at: new Date().toISOString() } : {}),
    library: { name: library.manifest.name, path: displayPath(library.root), revision: revision.revision, dirty: revision.dirty },
    period: { label: period.label, start: isoFromDay(period.start), end: isoFromDay(period.end) },
    comparison: null,
    dimensions: request.by,
    parameters: Object.fromEntries([...parameters].sort(([a], [b]) => (a < b ? -1 : 1))),
    inputs,
    metrics,
  };
  return { report, duplicates, notes };
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
