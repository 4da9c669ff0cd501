import { finalizeMetrics } from '../../core/compute/finalize.js';
import { planCompute, type ComputePlan } from '../../core/compute/plan.js';
import type { MetricResult } from '../../core/compute/result-types.js';
import { SourceRun, type DuplicateRow } from '../../core/compute/source-run.js';
import { analyzeLibrary } from '../../core/library/analyze-metric.js';
import type { Library } from '../../core/library/types.js';
import { parsePeriod, type Period } from '../../core/periods/index.js';
import { InputError } from '../../errors.js';
import { checkDataDir, filesAt, findSourceFiles } from '../data/find-source-files.js';
import { sha256File } from '../data/hash-file.js';
import { readSourceFile, type ConsumerGroup, type Reject } from '../data/read-source.js';
import { readUnchanged } from '../data/read-unchanged.js';
import { displayPath } from './display-path.js';
import { worthReadingInParallel } from '../parallel/is-large-plain-file.js';
import { SourcePieces } from '../parallel/source-pieces.js';
import { parallelSettings, type ParallelSettings } from '../parallel/parallel-settings.js';
import { readSourceParallel } from '../parallel/read-source-parallel.js';
import { WorkerPool } from '../parallel/worker-pool.js';

/** One library (version) computed over several periods. */
export interface Variant {
  readonly library: Library;
  readonly metricIds: readonly string[];
  readonly by: readonly string[];
  readonly periods: readonly Period[];
  readonly parameters: ReadonlyMap<string, number>;
}

export interface DataSpec {
  readonly data?: string;
  readonly sources: ReadonlyMap<string, string>;
  /** Exact files per source (e.g. those a saved report recorded); they win over the rest. */
  readonly files?: ReadonlyMap<string, readonly string[]>;
}

export interface InputFiles {
  readonly source: string;
  readonly files: readonly { readonly path: string; readonly sha256: string; readonly rows: number }[];
}

export interface VariantsOutcome {
  /** For each variant, for each of its periods, the requested metrics. */
  readonly results: readonly (readonly (readonly MetricResult[])[])[];
  readonly inputs: readonly InputFiles[];
  readonly duplicates: number;
}

interface PreparedVariant {
  readonly variant: Variant;
  readonly plan: ComputePlan;
  readonly analysis: ReturnType<typeof analyzeLibrary>;
  /** Source id → one run per period. */
  readonly runs: Map<string, SourceRun[]>;
}

/**
 * Computes every variant in one pass over the data: each export file is read once,
 * and every (library version, period) that needs its source consumes each row.
 */
/** What a long run reports while it reads: the file, its place in the list, rows read in it. */
export type ProgressListener = (file: string, index: number, total: number, rows: number) => void;

export async function computeVariants(
  variants: readonly Variant[],
  spec: DataSpec,
  onReject: (reject: Reject) => void,
  signal?: AbortSignal,
  onProgress?: ProgressListener,
): Promise<VariantsOutcome> {
  if (spec.data !== undefined) checkDataDir(spec.data);
  const fileNames: string[] = [];
  let duplicates = 0;
  const prepared: PreparedVariant[] = variants.map((variant) => {
    const analysis = analyzeLibrary(variant.library);
    const plan = planCompute(analysis, variant.metricIds, variant.by);
    const runs = new Map<string, SourceRun[]>();
    for (const sourcePlan of plan.sources) {
      const onDuplicate = (d: DuplicateRow): void => {
        duplicates++;
        onReject({
          file: fileNames[d.at.file]!,
          line: d.at.line,
          column: null,
          field: sourcePlan.source.key ?? null,
          value: d.key,
          reason: `duplicate ${sourcePlan.source.key} ${d.key}: first seen at ${fileNames[d.first.file]}:${d.first.line}; counted once`,
        });
      };
      // Only the first period reports duplicates: the others see the same rows.
      runs.set(sourcePlan.source.id, variant.periods.map((period, i) => new SourceRun(sourcePlan, period, variant.library.manifest.timezone, i === 0 ? onDuplicate : () => undefined)));
    }
    return { variant, plan, analysis, runs };
  });

  const sourceIds = [...new Set(prepared.flatMap((p) => p.plan.sources.map((s) => s.source.id)))].sort();
  const inputs: InputFiles[] = [];
  // File lists are resolved first so that progress can say how many are left.
  const filesOf = new Map<string, string[]>();
  for (const id of sourceIds) {
    const given = spec.sources.get(id);
    filesOf.set(id, [...(spec.files?.get(id) ?? (given !== undefined ? filesAt(given, id) : spec.data !== undefined ? findSourceFiles(spec.data, id) : []))]);
  }
  const totalFiles = [...filesOf.values()].reduce((n, list) => n + list.length, 0);
  const parallel = parallelReading(variants);
  try {
    for (const id of sourceIds) {
      const groups: ConsumerGroup[] = prepared.flatMap((p) => {
        const sourcePlan = p.plan.sources.find((s) => s.source.id === id);
        return sourcePlan ? [{ plan: sourcePlan, runs: p.runs.get(id)!, timezone: p.variant.library.manifest.timezone }] : [];
      });
      const files = filesOf.get(id)!;
      if (files.length === 0) {
        const readers = [...new Set(groups.flatMap((g) => g.plan.tasks.map((t) => t.metricId)))];
        const where = spec.data !== undefined ? `in ${spec.data} (looked for ${id}.csv, ${id}*.csv, ${id}*.csv.gz and ${id}/)` : 'because neither --data nor --source was given';
        throw new InputError(`no export for the source '${id}' ${where}; ${readers.join(', ')} ${readers.length === 1 ? 'needs' : 'need'} it. Use --source ${id}=PATH, or --metrics to leave ${readers.length === 1 ? 'it' : 'them'} out.`);
      }
      const before = duplicates;
      const entries: { path: string; sha256: string; rows: number }[] = [];
      const pieces =
        parallel !== null && worthReadingInParallel(files, parallel.settings.minBytes, parallel.settings.unpackGzip)
          ? new SourcePieces(files.map((path, i) => ({ path: displayPath(path), index: fileNames.length + i })), groups, parallel.pool(), parallel.settings, id, signal)
          : null;
      try {
        for (const [k, file] of files.entries()) {
          const shown = displayPath(file);
          fileNames.push(shown);
          onProgress?.(shown, fileNames.length, totalFiles, 0);
          const progress = onProgress ? (rows: number) => onProgress(shown, fileNames.length, totalFiles, rows) : undefined;
          const ctx = { timezone: groups[0]!.timezone, onReject, onProgress: progress, signal };
          const index = fileNames.length - 1;
          if (pieces !== null) {
            // Workers may have read the file already (pieces run ahead of the merge): the file
            // must be unchanged since it was planned, before any worker read it.
            const { before: planned } = await pieces.open(k);
            entries.push(
              await readUnchanged(
                file,
                shown,
                async () => {
                  // The hash runs on this thread while the workers read.
                  const hashing = sha256File(file);
                  hashing.catch(() => undefined);
                  const read = await readSourceParallel(shown, index, groups, ctx, { pieces, file: k, settings: parallel!.settings });
                  return { path: shown, sha256: await hashing, rows: read.rows };
                },
                planned,
              ),
            );
            continue;
          }
          entries.push(
            await readUnchanged(file, shown, async () => {
              const read = await readSourceFile(shown, index, groups, ctx);
              return { path: shown, sha256: await sha256File(file), rows: read.rows };
            }),
          );
        }
      } finally {
        pieces?.close(); // a gzip export's unpacked copy goes, whatever happened
      }
      const policy = groups[0]!.plan.source;
      if (policy.onDuplicate === 'error' && duplicates > before) {
        throw new InputError(`${id}: ${duplicates - before} rows repeat a ${policy.key} already seen, and the source says on_duplicate: error`);
      }
      inputs.push({ source: id, files: entries });
    }
  } finally {
    await parallel?.close();
  }

  const results = prepared.map((p) =>
    p.variant.periods.map((period, i) => {
      const runs = [...p.runs.values()].map((list) => list[i]!);
      const fiscalYearStartMonth = p.variant.library.manifest.fiscalYearStartMonth;
      const periodOf = (label: string): Period | undefined => {
        const parsed = parsePeriod(label, { fiscalYearStartMonth });
        return 'error' in parsed ? undefined : parsed;
      };
      return finalizeMetrics({ analysis: p.analysis, plan: p.plan, runs, period, parameters: p.variant.parameters, periodOf }, p.variant.metricIds);
    }),
  );
  return { results, inputs, duplicates };
}

/** Workers are started on the first large file and kept for the rest of the run. */
function parallelReading(variants: readonly Variant[]): { settings: ParallelSettings; pool: () => WorkerPool; close: () => Promise<void> } | null {
  const settings = parallelSettings();
  if (settings === null) return null;
  let pool: WorkerPool | undefined;
  return {
    settings,
    pool: () => (pool ??= new WorkerPool(settings.workerUrl, settings.threads, { variants: variants.map(({ library, metricIds, by, periods }) => ({ library, metricIds, by, periods })) })),
    close: async () => pool?.close(),
  };
}
