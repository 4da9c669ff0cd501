import { compileExpression, type CompiledExpression } from '../expression/compile-expression.js';
import { compareDimensions } from './compare-dimensions.js';
import type { Scalar } from '../expression/runtime.js';
import type { LibraryAnalysis } from '../library/analyze-metric.js';
import type { Period } from '../periods/index.js';
import type { Accumulator } from './accumulators.js';
import type { Accounting } from './accounting.js';
import { fingerprint } from './fingerprint.js';
import { interval95, spreadOf } from './interval.js';
import { applicableTarget, metricStatus } from './metric-status.js';
import type { ComputePlan } from './plan.js';
import type { MetricResult, SegmentResult } from './result-types.js';
import type { SourceRun } from './source-run.js';

export interface FinalizeContext {
  readonly analysis: LibraryAnalysis;
  readonly plan: ComputePlan;
  readonly runs: readonly SourceRun[];
  readonly period: Period;
  readonly parameters: ReadonlyMap<string, number>;
  readonly periodOf: (label: string) => Period | undefined;
}

interface Cell {
  readonly dimensions: Record<string, string | null>;
  readonly accumulators: Map<string, Accumulator>;
  used: number;
}

/** Turns the accumulated measures into metric values, intervals and statuses, in dependency order. */
export function finalizeMetrics(ctx: FinalizeContext, requested: readonly string[]): MetricResult[] {
  const { analysis, plan } = ctx;
  const values = new Map<string, { overall: number | null; segments: Map<string, number | null> }>();
  const results = new Map<string, MetricResult>();

  for (const id of plan.metricIds) {
    const analyzed = analysis.metrics.get(id)!;
    const { metric } = analyzed;
    const accounting: Record<string, Accounting> = {};
    const overall: Cell = { dimensions: {}, accumulators: new Map(), used: 0 };
    const cells = new Map<string, Cell>();
    const dimKeys = new Map<string, (string | null)[]>();
    for (const run of ctx.runs) {
      for (const metricRun of run.metrics) {
        if (metricRun.plan.metricId !== id) continue;
        accounting[metricRun.plan.sourceId] = metricRun.accounting;
        overall.used += metricRun.accounting.used;
        metricRun.plan.measures.forEach((m, i) => overall.accumulators.set(m.name, metricRun.overall[i]!));
        for (const [key, state] of metricRun.segments) {
          let cell = cells.get(key);
          if (!cell) {
            cell = { dimensions: Object.fromEntries(metricRun.plan.dimensions.map((d, i) => [d, state.dimensions[i] ?? null])), accumulators: new Map(), used: 0 };
            cells.set(key, cell);
            dimKeys.set(key, [...state.dimensions]);
          }
          cell.used += state.used;
          metricRun.plan.measures.forEach((m, i) => cell!.accumulators.set(m.name, state.measures[i]!));
        }
      }
    }

    // The formula sees measures, parameters and other metrics through one values array.
    const names = [...analyzed.measureRefs, ...analyzed.parameterRefs, ...analyzed.metricRefs];
    const formula: CompiledExpression = compileExpression(analyzed.formula.expr!, { slot: (name) => names.indexOf(name), typeOf: () => 'number' });
    const evaluate = (cell: Cell, segmentKey: string | undefined): { value: number | null; reason: string | null } => {
      const scope: Scalar[] = names.map((name) => {
        if (analyzed.measureRefs.includes(name)) return cell.accumulators.get(name)?.value() ?? (metric.measures.get(name)!.aggregate.startsWith('count') ? 0 : null);
        if (analyzed.parameterRefs.includes(name)) return ctx.parameters.get(name) ?? null;
        const other = values.get(name);
        return segmentKey === undefined ? other?.overall ?? null : other?.segments.get(segmentKey) ?? null;
      });
      const value = formula.evaluate(scope) as number | null;
      if (value !== null) return { value, reason: null };
      const missing = names.filter((_, i) => scope[i] === null);
      return { value: null, reason: formula.reason() ?? (missing.length > 0 ? `no value for ${missing.join(', ')}` : 'no value') };
    };

    const measuresOf = (cell: Cell): Record<string, number | null> =>
      Object.fromEntries([...metric.measures.keys()].map((name) => [name, cell.accumulators.get(name)?.value() ?? (metric.measures.get(name)!.aggregate.startsWith('count') ? 0 : null)]));
    const sampleOf = (cell: Cell): number | null => (metric.sample ? ((cell.accumulators.get(metric.sample)?.value() as number | null) ?? 0) : null);
    // The same result shape for the whole metric and each segment.
    const cellResult = (cell: Cell, value: number | null, reason: string | null): SegmentResult => {
      const n = sampleOf(cell);
      const target = applicableTarget(metric, ctx.period, cell.dimensions, ctx.periodOf);
      const measure = (name: string) => cell.accumulators.get(name);
      return {
        dimensions: cell.dimensions,
        value,
        reason,
        n,
        measures: measuresOf(cell),
        ci95: interval95(metric.interval, measure),
        target: target?.value ?? null,
        status: metricStatus(metric, value, n, cell.used, target),
        spread: spreadOf(metric.interval, measure),
      };
    };

    const segmentValues = new Map<string, number | null>();
    const segments: SegmentResult[] = [];
    const ordered = [...cells.keys()].sort((a, b) => compareDimensions(dimKeys.get(a)!, dimKeys.get(b)!));
    for (const key of ordered) {
      const cell = cells.get(key)!;
      const { value, reason } = evaluate(cell, key);
      segmentValues.set(key, value);
      segments.push(cellResult(cell, value, reason));
    }

    const { value, reason } = evaluate(overall, undefined);
    values.set(id, { overall: value, segments: segmentValues });
    results.set(id, {
      id,
      name: metric.name,
      version: metric.version,
      fingerprint: fingerprint(analysis, id),
      unit: metric.unit,
      direction: metric.direction,
      ...cellResult(overall, value, reason),
      accounting,
      segments,
    });
  }
  return requested.map((id) => results.get(id)!);
}
