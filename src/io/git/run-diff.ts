import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { diffLibraries } from '../../core/diff/diff-libraries.js';
import type { MetricDiff } from '../../core/diff/change-types.js';
import type { MetricResult, SegmentResult } from '../../core/compute/result-types.js';
import type { Library } from '../../core/library/types.js';
import { isoFromDay } from '../../core/periods/index.js';
import { didYouMean } from '../../core/did-you-mean.js';
import { InputError, UsageError } from '../../errors.js';
import type { DiffMetric, DiffReport, Impact, ImpactValue, SegmentImpact } from '../../report/diff/diff-report.js';
import { VERSION } from '../../version.js';
import { computeVariants, type Variant } from '../compute/compute-variants.js';
import { displayPath } from '../compute/display-path.js';
import { resolveParameters, resolvePeriod } from '../compute/run-compute.js';
import { assertLintClean } from '../library/checked-library.js';
import type { Reject } from '../data/read-source.js';
import { loadLibrary, MANIFEST_FILE, type LoadedLibrary } from '../library/load-library.js';
import { loadLibraryAt } from './load-library-at.js';

export interface DiffRequest {
  readonly library: string;
  readonly from: string;
  /** Undefined: the working tree. */
  readonly to?: string;
  readonly data?: string;
  readonly sources: ReadonlyMap<string, string>;
  readonly period?: string;
  readonly periodFrom?: string;
  readonly periodTo?: string;
  readonly by: readonly string[];
  readonly metrics?: readonly string[];
  /** --param overrides, applied to each version that defines the parameter. */
  readonly parameters: ReadonlyMap<string, number>;
  readonly onReject: (reject: Reject) => void;
}

interface Side {
  readonly loaded: LoadedLibrary;
  readonly ref: string | null;
  readonly commit: string | null;
}

const valueOf = (r: SegmentResult | undefined): ImpactValue | null => (r ? { value: r.value, n: r.n } : null);
const difference = (a: ImpactValue | null, b: ImpactValue | null): number | null => (a?.value != null && b?.value != null ? b.value - a.value : null);

/** Old and new value of one metric, overall and per segment (segments matched by their dimension values). */
function impactOf(before: MetricResult | undefined, after: MetricResult | undefined): Impact {
  const from = valueOf(before);
  const to = valueOf(after);
  const keys = new Map<string, Readonly<Record<string, string | null>>>();
  for (const s of [...(before?.segments ?? []), ...(after?.segments ?? [])]) keys.set(JSON.stringify(s.dimensions), s.dimensions);
  const segments: SegmentImpact[] = [...keys].map(([key, dimensions]) => {
    const a = valueOf(before?.segments.find((s) => JSON.stringify(s.dimensions) === key));
    const b = valueOf(after?.segments.find((s) => JSON.stringify(s.dimensions) === key));
    return { dimensions, from: a, to: b, difference: difference(a, b) };
  });
  return { from, to, difference: difference(from, to), segments };
}

function toDiffMetric(d: MetricDiff, impact: Impact | null): DiffMetric {
  const def = d.after ?? d.before!;
  return {
    id: d.id,
    name: def.name,
    unit: def.unit,
    status: d.status,
    version: { from: d.before?.version ?? null, to: d.after?.version ?? null, bump: d.bump, required: d.required, ok: d.bumpOk },
    fingerprint: d.fingerprint,
    math_changed: d.mathChanged,
    changes: d.changes.map((c) => ({ ...c })),
    impact,
  };
}

function lintClean(side: Side, dir: string): void {
  try {
    assertLintClean(side.loaded, dir);
  } catch (error) {
    if (error instanceof InputError && side.ref !== null) throw new InputError(`at ${side.ref}: ${error.message}`);
    throw error;
  }
}

/** Computes both versions of the differing metrics over the same data, in one pass. */
async function computeImpact(request: DiffRequest, a: Side, b: Side, ids: readonly string[]) {
  const libraries: Library[] = [a.loaded.library, b.loaded.library];
  lintClean(a, request.library);
  lintClean(b, request.library);
  const period = resolvePeriod({ period: request.period, from: request.periodFrom, to: request.periodTo }, b.loaded.library.manifest.fiscalYearStartMonth);
  const perSide = libraries.map((library) => ids.filter((id) => library.metrics.has(id)));
  for (const dimension of request.by) {
    const allowed = libraries.flatMap((library, i) => perSide[i]!.flatMap((id) => library.metrics.get(id)!.dimensions));
    if (!allowed.includes(dimension)) throw new UsageError(`--by ${dimension}: no changed metric allows this dimension${didYouMean(dimension, allowed)}; allowed: ${[...new Set(allowed)].join(', ') || 'none'}`);
  }
  for (const name of request.sources.keys()) {
    if (!libraries.some((l) => l.sources.has(name))) throw new UsageError(`--source ${name}=...: the library has no source '${name}'${didYouMean(name, b.loaded.library.sources.keys())}`);
  }
  for (const name of request.parameters.keys()) {
    if (!libraries.some((l) => l.parameters.has(name))) {
      const known = new Set(libraries.flatMap((l) => [...l.parameters.keys()]));
      throw new UsageError(`--param ${name}: neither version has a parameter '${name}'${didYouMean(name, known)}`);
    }
  }
  const variants: Variant[] = libraries.map((library, i) => {
    const overrides = new Map([...request.parameters].filter(([name]) => library.parameters.has(name)));
    return { library, metricIds: perSide[i]!, by: request.by, periods: [period], parameters: resolveParameters(library, overrides) };
  });
  const used = variants.filter((v) => v.metricIds.length > 0);
  const outcome = await computeVariants(used, { data: request.data, sources: request.sources }, request.onReject);
  const results = variants.map((v) => {
    const at = used.indexOf(v);
    return at < 0 ? [] : outcome.results[at]![0]!;
  });
  return { period, inputs: outcome.inputs, results };
}

/** `rmos diff A [B]`: the semantic diff of the library between two revisions, with the numeric impact when data is given. */
export async function runDiff(request: DiffRequest): Promise<DiffReport> {
  const at = (ref: string): Side => {
    const read = loadLibraryAt(request.library, ref, '');
    return { loaded: read.loaded, ref, commit: read.commit };
  };
  // `rmos diff v1 my-metrics` reads like "the library in my-metrics": say how to write that.
  if (request.to !== undefined && existsSync(join(request.to, MANIFEST_FILE)) && !existsSync(join(request.library, MANIFEST_FILE))) {
    throw new UsageError(`'${request.to}' is a library folder, not a revision; give it as --lib ${request.to} (rmos diff <refA> [refB] --lib DIR)`);
  }
  const a = at(request.from);
  const b = request.to !== undefined ? at(request.to) : { loaded: loadLibrary(request.library), ref: null, commit: null };
  let diffs = diffLibraries(a.loaded.library, b.loaded.library);
  if (request.metrics) {
    const known = diffs.map((d) => d.id);
    for (const id of request.metrics) if (!known.includes(id)) throw new UsageError(`--metrics: there is no metric '${id}' in either version${didYouMean(id, known)}`);
    diffs = diffs.filter((d) => request.metrics!.includes(d.id));
  }
  const wantsData = request.data !== undefined || request.sources.size > 0;
  const differing = diffs.filter((d) => d.status !== 'unchanged').map((d) => d.id);
  const impact = wantsData ? await computeImpact(request, a, b, differing) : undefined;
  const resultFor = (side: 0 | 1, id: string) => impact?.results[side]!.find((r) => r.id === id);

  const metrics = diffs.map((d) => toDiffMetric(d, impact && d.status !== 'unchanged' ? impactOf(resultFor(0, d.id), resultFor(1, d.id)) : null));
  const count = (status: DiffMetric['status']) => metrics.filter((m) => m.status === status).length;
  const library = b.loaded.library;
  return {
    rmos: VERSION,
    library: { name: library.manifest.name, path: displayPath(library.root) },
    from: { ref: a.ref, revision: a.commit },
    to: { ref: b.ref, revision: b.commit },
    period: impact ? { label: impact.period.label, start: isoFromDay(impact.period.start), end: isoFromDay(impact.period.end) } : null,
    dimensions: impact ? request.by : [],
    inputs: impact?.inputs ?? [],
    summary: { added: count('added'), removed: count('removed'), changed: count('changed'), unchanged: count('unchanged') },
    metrics,
  };
}
