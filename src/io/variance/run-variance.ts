import { didYouMean } from '../../core/did-you-mean.js';
import type { MetricResult } from '../../core/compute/result-types.js';
import { fingerprint } from '../../core/compute/fingerprint.js';
import { analyzeLibrary } from '../../core/library/analyze-metric.js';
import { isoFromDay, previousPeriod, yearAgoPeriod, type Period } from '../../core/periods/index.js';
import { compareValues, type Tolerance } from '../../core/variance/compare-values.js';
import { decomposeChange } from '../../core/variance/drivers.js';
import { significanceOfChange } from '../../core/variance/significance.js';
import { UsageError } from '../../errors.js';
import type { VarianceMetric, VarianceReport } from '../../report/variance/variance-report.js';
import { VERSION } from '../../version.js';
import { computeVariants } from '../compute/compute-variants.js';
import { displayPath } from '../compute/display-path.js';
import { loadAnnotatedLibrary, resolveParameters, resolvePeriod, selectMetrics } from '../compute/run-compute.js';
import type { Reject } from '../data/read-source.js';
import { libraryRevision } from '../git/library-revision.js';
import { readComparatorFile, type ComparatorRow } from './read-comparator-file.js';

export interface VarianceRequest {
  readonly library: string;
  readonly data?: string;
  readonly sources: ReadonlyMap<string, string>;
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  readonly metrics?: readonly string[];
  readonly params: ReadonlyMap<string, number>;
  readonly against: string;
  readonly tolerances: ReadonlyMap<string, Tolerance>;
  readonly explainBy?: string;
  readonly onReject: (reject: Reject) => void;
}

type Against = { kind: 'target' | 'prior' | 'yoy' } | { kind: 'budget' | 'reported'; file: string };

function parseAgainst(text: string): Against {
  if (text === 'target' || text === 'prior' || text === 'yoy') return { kind: text };
  const match = /^(budget|reported):(.+)$/.exec(text);
  if (match) return { kind: match[1] as 'budget' | 'reported', file: match[2]! };
  throw new UsageError(`--against ${text}: use target, prior, yoy, budget:FILE or reported:FILE`);
}

function periodJson(p: Period) {
  return { label: p.label, start: isoFromDay(p.start), end: isoFromDay(p.end) };
}

/** Actual against a comparator for every metric, with significance, drivers and notes. */
export async function runVariance(request: VarianceRequest): Promise<VarianceReport> {
  const { library, notes: allNotes } = await loadAnnotatedLibrary(request.library);
  const options = { fiscalYearStartMonth: library.manifest.fiscalYearStartMonth };
  const period = resolvePeriod(request, options.fiscalYearStartMonth);
  const metricIds = selectMetrics(library, request.metrics);
  const parameters = resolveParameters(library, request.params);
  const against = parseAgainst(request.against);
  for (const id of request.tolerances.keys()) {
    if (!metricIds.includes(id)) throw new UsageError(`--tolerance ${id}=...: '${id}' is not among the metrics computed${didYouMean(id, metricIds)}`);
  }

  const explainBy = request.explainBy;
  const explained = explainBy ? metricIds.filter((id) => library.metrics.get(id)!.dimensions.includes(explainBy)) : [];
  if (explainBy && explained.length === 0) {
    const allowed = [...new Set(metricIds.flatMap((id) => library.metrics.get(id)!.dimensions))];
    throw new UsageError(`--explain-by ${explainBy}: ${metricIds.length === 1 ? `${metricIds[0]} does not allow this dimension` : 'none of these metrics allows this dimension'}${didYouMean(explainBy, allowed)}; allowed: ${allowed.join(', ') || 'none'}`);
  }
  if (explainBy && against.kind !== 'prior' && against.kind !== 'yoy') {
    throw new UsageError('--explain-by splits a change between two periods of data: use it with --against prior or --against yoy');
  }

  const comparison = against.kind === 'prior' ? previousPeriod(period, options) : against.kind === 'yoy' ? yearAgoPeriod(period, options) : undefined;
  const periods = comparison ? [period, comparison] : [period];
  const comparatorRows: ComparatorRow[] = 'file' in against ? readComparatorFile(against.file, library, `--against ${against.kind}:`) : [];

  const outcome = await computeVariants(
    [{ library, metricIds, by: explainBy ? [explainBy] : [], periods, parameters }],
    { data: request.data, sources: request.sources },
    request.onReject,
  );
  const [current, previous] = outcome.results[0]!;
  const analysis = analyzeLibrary(library);

  const metrics: VarianceMetric[] = current!.map((actual: MetricResult, i: number) => {
    const metric = library.metrics.get(actual.id)!;
    const before = previous?.[i];
    let comparator: number | null = null;
    let comparatorN: number | null = null;
    let reason: string | null = null;
    if (against.kind === 'target') {
      comparator = actual.target;
      if (comparator === null) reason = `no target for ${actual.id} in ${period.label}`;
    } else if (before) {
      comparator = before.value;
      comparatorN = before.n;
      if (comparator === null) reason = `no value in ${comparison!.label}: ${before.reason ?? 'no data'}`;
    } else {
      const row = comparatorRows.find((r) => r.metric === actual.id && r.period === period.label && Object.keys(r.segment).length === 0);
      comparator = row?.value ?? null;
      if (!row) reason = `no ${against.kind} figure for ${actual.id} in ${period.label} in ${(against as { file: string }).file}`;
    }
    const tolerance = request.tolerances.get(actual.id) ?? metric.tolerance;
    const compared = compareValues(actual.value, comparator, metric.direction, tolerance);
    const weight = metric.weight ?? metric.sample;
    const drivers = before && explainBy && explained.includes(actual.id) && weight ? decomposeChange(explainBy, weight, before.segments, actual.segments) : null;
    const unexplained = drivers && compared.variance !== null ? compared.variance - drivers.total : null;
    const notes = allNotes
      .filter((n) => n.metric === actual.id && n.period === period.label)
      .map((n) => ({ segment: n.segment, text: n.text, author: n.author, source: `${n.file}:${n.line}` }));
    return {
      id: actual.id,
      name: actual.name,
      version: actual.version,
      fingerprint: fingerprint(analysis, actual.id),
      unit: actual.unit,
      direction: actual.direction,
      actual: actual.value,
      n: actual.n,
      status: actual.status,
      comparator,
      comparator_n: comparatorN,
      ...compared,
      tolerance: tolerance ?? null,
      significance: before ? significanceOfChange(metric.interval, actual, before) : null,
      drivers,
      unexplained,
      notes,
      reason: actual.value === null ? (actual.reason ?? 'no data') : reason,
    };
  });

  const revision = libraryRevision(library.root);
  return {
    rmos: VERSION,
    library: { name: library.manifest.name, path: displayPath(library.root), revision: revision.revision, dirty: revision.dirty },
    period: periodJson(period),
    against: {
      kind: against.kind,
      label: comparison ? comparison.label : against.kind === 'target' ? 'target' : `${against.kind} (${(against as { file: string }).file})`,
      file: 'file' in against ? against.file : null,
      period: comparison ? periodJson(comparison) : null,
    },
    explained_by: explainBy ?? null,
    inputs: outcome.inputs,
    metrics,
  };
}
