import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { didYouMean } from '../../core/did-you-mean.js';
import type { Library } from '../../core/library/types.js';
import { isoFromDay, parsePeriod, previousPeriod, rangePeriod, trailingPeriods, yearAgoPeriod, type Period } from '../../core/periods/index.js';
import type { ComputeReport, ReportMetric } from '../../report/compute/report.js';
import { VERSION } from '../../version.js';
import type { Reject } from '../data/read-source.js';
import { libraryRevisionInBackground } from '../git/library-revision.js';
import type { Note } from '../annotations/load-annotations.js';
import { cachedLoad } from '../library/library-cache.js';
import { computeVariants, type ProgressListener } from './compute-variants.js';
import { displayPath } from './display-path.js';

export type Comparison = 'prior' | 'yoy';

export interface ComputeRequest {
  readonly library: string;
  readonly data?: string;
  readonly sources: ReadonlyMap<string, string>;
  /** Exact files per source, as a saved report recorded them. */
  readonly files?: ReadonlyMap<string, readonly string[]>;
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  readonly by: readonly string[];
  readonly metrics?: readonly string[];
  readonly params: ReadonlyMap<string, number>;
  readonly compare?: Comparison;
  readonly trend?: number;
  readonly timestamp?: boolean;
  /** Compute with the definitions of this git revision (`--at v1.2.0`), not the working tree's. */
  readonly at?: string;
  /** The built-in engine, or the compiled SQL in embedded DuckDB. */
  readonly engine?: 'builtin' | 'duckdb';
  readonly onProgress?: ProgressListener;
  readonly onReject: (reject: Reject) => void;
  readonly signal?: AbortSignal;
}

export interface ComputeOutcome {
  readonly report: ComputeReport;
  readonly duplicates: number;
  readonly notes: readonly string[];
}

export function resolvePeriod(request: Pick<ComputeRequest, 'period' | 'from' | 'to'>, fiscalYearStartMonth: number): Period {
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

/** The library at `dir`, refused when it has lint errors (from the cache of checked libraries when unchanged). */
export function loadCleanLibrary(dir: string): Promise<Library> {
  return cachedLoad('library', dir, async (files, standardFiles) => (await import('../library/checked-library.js')).cleanLibrary(dir, files, standardFiles));
}

/** loadCleanLibrary with the targets (added to the metrics) and notes of targets/ and notes/. */
export function loadAnnotatedLibrary(dir: string): Promise<{ library: Library; notes: readonly Note[] }> {
  return cachedLoad('annotated library', dir, async (files, standardFiles) => {
    const { library, annotations } = (await import('../library/checked-library.js')).annotatedLibrary(dir, files, standardFiles);
    return { library, notes: annotations.notes };
  });
}

/** The metric ids to compute: those asked for (checked), else every metric not deprecated. */
export function selectMetrics(library: Library, requested: readonly string[] | undefined): readonly string[] {
  const known = [...library.metrics.keys()];
  const ids = requested ?? known.filter((id) => library.metrics.get(id)!.status !== 'deprecated');
  for (const id of ids) {
    if (!library.metrics.has(id)) throw new UsageError(`--metrics: there is no metric '${id}'${didYouMean(id, known)}; the library has ${known.join(', ')}`);
  }
  return ids;
}

/** Which metrics will not be segmented, and an error when no metric allows a dimension. */
export function segmentNotes(library: Library, metricIds: readonly string[], by: readonly string[]): string[] {
  for (const dimension of by) {
    if (metricIds.some((id) => library.metrics.get(id)!.dimensions.includes(dimension))) continue;
    const all = [...new Set(metricIds.flatMap((id) => library.metrics.get(id)!.dimensions))];
    throw new UsageError(`--by ${dimension}: no requested metric allows this dimension${didYouMean(dimension, all)}; allowed: ${all.join(', ') || 'none'}`);
  }
  if (by.length === 0) return [];
  return metricIds.flatMap((id) => {
    const allowed = library.metrics.get(id)!.dimensions;
    const lacking = by.filter((d) => !allowed.includes(d));
    return lacking.length > 0 ? [`${id} is not segmented: it does not allow ${lacking.join(', ')} (allowed: ${allowed.join(', ') || 'none'})`] : [];
  });
}

export function resolveParameters(library: Library, overrides: ReadonlyMap<string, number>): Map<string, number> {
  const parameters = new Map<string, number>([...library.parameters].map(([name, p]) => [name, p.value]));
  for (const [name, value] of overrides) {
    if (!parameters.has(name)) throw new UsageError(`--param ${name}: the library has no parameter '${name}'${didYouMean(name, parameters.keys())}`);
    parameters.set(name, value);
  }
  return parameters;
}

function periodJson(period: Period): { label: string; start: string; end: string } {
  return { label: period.label, start: isoFromDay(period.start), end: isoFromDay(period.end) };
}

/** The library at a git revision, checked, with that revision's targets and notes. */
async function libraryAt(dir: string, at: string): Promise<{ library: Library; commit: string }> {
  const [{ loadLibraryAt }, { assertLintClean }, { annotateLibrary }] = await Promise.all([
    import('../git/load-library-at.js'),
    import('../library/checked-library.js'),
    import('../annotations/load-annotations.js'),
  ]);
  const revision = loadLibraryAt(dir, at, '--at');
  assertLintClean(revision.loaded, dir);
  return { library: annotateLibrary(revision.loaded.library, revision.files).library, commit: revision.commit };
}

/** Loads the library, reads every export once and computes the report. */
export async function runCompute(request: ComputeRequest): Promise<ComputeOutcome> {
  // Git is asked about the working tree's revision now, and answers while the library and the data are read.
  const workingRevision = request.at === undefined ? libraryRevisionInBackground(resolve(request.library)) : undefined;
  const atRevision = request.at !== undefined ? await libraryAt(request.library, request.at) : undefined;
  const { library } = atRevision ?? (await loadAnnotatedLibrary(request.library));
  const options = { fiscalYearStartMonth: library.manifest.fiscalYearStartMonth };
  const period = resolvePeriod(request, options.fiscalYearStartMonth);
  const metricIds = selectMetrics(library, request.metrics);
  const notes = segmentNotes(library, metricIds, request.by);
  const parameters = resolveParameters(library, request.params);
  for (const name of request.sources.keys()) {
    if (!library.sources.has(name)) throw new UsageError(`--source ${name}=...: the library has no source '${name}'${didYouMean(name, library.sources.keys())}`);
  }

  // The main period first, then the comparison and the trend, each period once.
  const comparison = request.compare === 'prior' ? previousPeriod(period, options) : request.compare === 'yoy' ? yearAgoPeriod(period, options) : undefined;
  const trend = request.trend ? trailingPeriods(period, request.trend, options) : [];
  const periods: Period[] = [period];
  const indexOf = (p: Period): number => {
    const found = periods.findIndex((q) => q.start === p.start && q.end === p.end);
    if (found >= 0) return found;
    periods.push(p);
    return periods.length - 1;
  };
  const comparisonIndex = comparison ? indexOf(comparison) : -1;
  const trendIndexes = trend.map(indexOf);

  const variants = [{ library, metricIds, by: request.by, periods, parameters }];
  const data = { data: request.data, sources: request.sources, files: request.files };
  const outcome = request.engine === 'duckdb'
    ? await (await import('../duckdb/compute-with-duckdb.js')).computeVariantsWithDuckdb(variants, data)
    : await computeVariants(variants, data, request.onReject, request.signal, request.onProgress);
  const [byPeriod] = outcome.results;
  const current = byPeriod![0]!;
  const metrics: ReportMetric[] = current.map((m, i) => {
    const before = comparisonIndex >= 0 ? byPeriod![comparisonIndex]![i]! : undefined;
    return {
      ...m,
      previous: before ? { value: before.value, n: before.n } : null,
      delta: before && before.value !== null && m.value !== null ? m.value - before.value : null,
      ...(trendIndexes.length > 0 ? { trend: trendIndexes.map((t, k) => ({ period: trend[k]!.label, value: byPeriod![t]![i]!.value, n: byPeriod![t]![i]!.n })) } : {}),
    };
  });

  const revision = atRevision ? { revision: atRevision.commit, dirty: false } : await workingRevision!;
  const report: ComputeReport = {
    rmos: VERSION,
    ...(request.timestamp ? { generated_at: new Date().toISOString() } : {}),
    library: { name: library.manifest.name, path: displayPath(library.root), revision: revision.revision, dirty: revision.dirty },
    period: periodJson(period),
    comparison: comparison ? periodJson(comparison) : null,
    dimensions: request.by,
    parameters: Object.fromEntries([...parameters].sort(([a], [b]) => (a < b ? -1 : 1))),
    inputs: outcome.inputs,
    metrics,
  };
  return { report, duplicates: outcome.duplicates, notes };
}
