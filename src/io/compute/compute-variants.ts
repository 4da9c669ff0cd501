import { finalizeMetrics } from '../../core/compute/finalize.js';
import { planCompute, type ComputePlan, type SourcePlan } from '../../core/compute/plan.js';
import type { MetricResult } from '../../core/compute/result-types.js';
import { KeySet } from '../../core/compute/key-set.js';
import { SourceRun, type DuplicateRow } from '../../core/compute/source-run.js';
import { analyzeLibrary } from '../../core/library/analyze-metric.js';
import type { Library } from '../../core/library/types.js';
import { parsePeriod, type Period } from '../../core/periods/index.js';
import { InputError } from '../../errors.js';
import { checkDataDir, filesAt, findSourceFiles } from '../data/find-source-files.js';
import { sha256File } from '../data/hash-file.js';
import { readSourceFile, type ConsumerGroup, type Reject } from '../data/read-source.js';
import { changedWhileRead, readUnchanged } from '../data/read-unchanged.js';
import { displayPath } from './display-path.js';
import { keyTableSlots, PartitionedKeyOverflow } from './key-overflow.js';
import { RejectGate } from './reject-gate.js';
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

/** What a long run reports while it reads: the file, its place in the list, rows read in it. */
export type ProgressListener = (file: string, index: number, total: number, rows: number) => void;

/**
 * Computes every variant in one pass over the data: each export file is read once,
 * and every (library version, period) that needs its source consumes each row. A source
 * whose keys went past the key table's budget, some of them repeating, is read a second time
 * (see KeySet and RejectGate).
 */
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
  const keySlots = keyTableSlots();
  const traceKeys = process.env.RMOS_TRACE_KEYS === '1' ? (line: string) => process.stderr.write(`keys: ${line}\n`) : undefined;
  // The rejects of the source being read (a source may be read twice: see RejectGate).
  let gate = new RejectGate(onReject);
  // Each key set's overflow: the keys past its memory budget, checked when the source is read.
  const overflows = new Map<SourceRun, PartitionedKeyOverflow>();
  const newRuns = (variant: Variant, sourcePlan: SourcePlan, keysOf: (run: number) => KeySet | undefined): SourceRun[] => {
    const onDuplicate = (d: DuplicateRow): void => {
      gate.emit(
        {
          file: fileNames[d.at.file]!,
          line: d.at.line,
          column: null,
          field: sourcePlan.source.key ?? null,
          value: d.key,
          reason: `duplicate ${sourcePlan.source.key} ${d.key}: first seen at ${fileNames[d.first.file]}:${d.first.line}; counted once`,
        },
        true,
      );
    };
    // Only the first period reports duplicates: the others see the same rows.
    return variant.periods.map((period, i) => new SourceRun(sourcePlan, period, variant.library.manifest.timezone, i === 0 ? onDuplicate : () => undefined, false, keysOf(i)));
  };
  const firstRuns = (variant: Variant, sourcePlan: SourcePlan): SourceRun[] => {
    if (sourcePlan.keySlot < 0) return newRuns(variant, sourcePlan, () => undefined);
    const made = variant.periods.map(() => new PartitionedKeyOverflow(sourcePlan.source.id, () => gate.hold()));
    const runs = newRuns(variant, sourcePlan, (i) => new KeySet(0, { maxSlots: keySlots, overflow: made[i]! }));
    runs.forEach((run, i) => overflows.set(run, made[i]!));
    return runs;
  };
  const prepared: PreparedVariant[] = variants.map((variant) => {
    const analysis = analyzeLibrary(variant.library);
    const plan = planCompute(analysis, variant.metricIds, variant.by);
    const runs = new Map<string, SourceRun[]>();
    for (const sourcePlan of plan.sources) runs.set(sourcePlan.source.id, firstRuns(variant, sourcePlan));
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
    const groupsOf = (id: string): ConsumerGroup[] =>
      prepared.flatMap((p) => {
        const sourcePlan = p.plan.sources.find((s) => s.source.id === id);
        return sourcePlan ? [{ plan: sourcePlan, runs: p.runs.get(id)!, timezone: p.variant.library.manifest.timezone }] : [];
      });

    /** Reads a source's files (their names already in fileNames from `firstFile` on) into `groups`, in parallel when worth it. */
    const readFiles = async (files: readonly string[], firstFile: number, groups: readonly ConsumerGroup[]): Promise<{ path: string; sha256: string; rows: number }[]> => {
      const entries: { path: string; sha256: string; rows: number }[] = [];
      const pieces =
        parallel !== null && worthReadingInParallel(files, parallel.settings.minBytes, parallel.settings.unpackGzip)
          ? new SourcePieces(files.map((_, k) => ({ path: fileNames[firstFile + k]!, index: firstFile + k })), groups, parallel.pool(), parallel.settings, groups[0]!.plan.source.id, signal)
          : null;
      try {
        for (const [k, file] of files.entries()) {
          const index = firstFile + k;
          const shown = fileNames[index]!;
          onProgress?.(shown, index + 1, totalFiles, 0);
          const progress = onProgress ? (rows: number) => onProgress(shown, index + 1, totalFiles, rows) : undefined;
          const ctx = { timezone: groups[0]!.timezone, onReject: (reject: Reject) => gate.emit(reject, false), onProgress: progress, signal };
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
      return entries;
    };

    /**
     * After a source is read: when keys went past a key set's budget and some of them repeat
     * (late duplicates), the source is read again (in parallel if it was) with new runs whose
     * key sets answer those keys from the list.
     */
    const readAgainForLateDuplicates = async (id: string, files: readonly string[], firstFile: number, entries: readonly { sha256: string }[]): Promise<void> => {
      const started = performance.now();
      const late = new Map<SourceRun, ReturnType<PartitionedKeyOverflow['lateDuplicates']>>();
      for (const group of groupsOf(id)) {
        for (const run of group.runs) {
          const overflow = overflows.get(run);
          if (overflow !== undefined && run.keysOverflowed) late.set(run, overflow.lateDuplicates());
        }
      }
      const repeats = [...late.values()].reduce((n, list) => n + (list?.at.length ?? 0), 0);
      if (late.size > 0) {
        const past = [...late.keys()].reduce((n, run) => n + overflows.get(run)!.size, 0);
        const ms = Math.round(performance.now() - started);
        traceKeys?.(`${id}: ${past} keys past the key set's memory budget, checked in ${ms} ms: ${repeats} of them repeat an earlier key${repeats > 0 ? '; reading the files again' : ''}`);
      }
      if (repeats === 0) return;
      gate.restart();
      for (const p of prepared) {
        const sourcePlan = p.plan.sources.find((s) => s.source.id === id);
        if (!sourcePlan) continue;
        const old = p.runs.get(id)!;
        const none = { at: new Float64Array(0), first: new Float64Array(0) };
        p.runs.set(id, newRuns(p.variant, sourcePlan, (i) => new KeySet(0, { maxSlots: keySlots, late: late.get(old[i]!) ?? none })));
      }
      const again = await readFiles(files, firstFile, groupsOf(id));
      again.forEach((entry, k) => {
        if (entry.sha256 !== entries[k]!.sha256) throw changedWhileRead(entry.path);
      });
    };

    for (const id of sourceIds) {
      const groups = groupsOf(id);
      const files = filesOf.get(id)!;
      if (files.length === 0) {
        const readers = [...new Set(groups.flatMap((g) => g.plan.tasks.map((t) => t.metricId)))];
        const where = spec.data !== undefined ? `in ${spec.data} (looked for ${id}.csv, ${id}*.csv, ${id}*.csv.gz and ${id}/)` : 'because neither --data nor --source was given';
        throw new InputError(`no export for the source '${id}' ${where}; ${readers.join(', ')} ${readers.length === 1 ? 'needs' : 'need'} it. Use --source ${id}=PATH, or --metrics to leave ${readers.length === 1 ? 'it' : 'them'} out.`);
      }
      gate = new RejectGate(onReject);
      const firstFile = fileNames.length;
      for (const file of files) fileNames.push(displayPath(file));
      const entries = await readFiles(files, firstFile, groups);
      await readAgainForLateDuplicates(id, files, firstFile, entries);
      gate.release();
      duplicates += gate.duplicates;
      const policy = groups[0]!.plan.source;
      if (policy.onDuplicate === 'error' && gate.duplicates > 0) {
        throw new InputError(`${id}: ${gate.duplicates} rows repeat a ${policy.key} already seen, and the source says on_duplicate: error`);
      }
      inputs.push({ source: id, files: entries });
    }
  } finally {
    await parallel?.close();
    for (const overflow of overflows.values()) overflow.close();
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
