import { Average, type Accumulator, type SampleSpread } from '../compute/accumulators.js';
import { compareDimensions } from '../compute/compare-dimensions.js';
import { emptyAccounting, type Accounting } from '../compute/accounting.js';
import { fingerprint } from '../compute/fingerprint.js';
import { interval95, spreadOf } from '../compute/interval.js';
import { applicableTarget, metricStatus } from '../compute/metric-status.js';
import type { MetricResult, SegmentResult } from '../compute/result-types.js';
import { compileExpression } from '../expression/compile-expression.js';
import type { Scalar } from '../expression/runtime.js';
import type { LibraryAnalysis } from '../library/analyze-metric.js';
import type { Period } from '../periods/index.js';
import { SEGMENT, USED, type CompiledMetric, type SqlProgram } from './compile-sql.js';

/** A row of a metric's CTE as the engine returned it (numbers, strings, nulls). */
export type SqlRow = Readonly<Record<string, unknown>>;

export interface SqlResults {
  /** Metric id → the rows of its CTE (whole period and segments). */
  readonly metrics: ReadonlyMap<string, readonly SqlRow[]>;
  /** Rows of the accounting query: metric, source, class, row_count. */
  readonly accounting: readonly SqlRow[];
}

export interface SqlResultContext {
  readonly analysis: LibraryAnalysis;
  readonly program: SqlProgram;
  readonly period: Period;
  readonly parameters: ReadonlyMap<string, number>;
  readonly periodOf: (label: string) => Period | undefined;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A measure value from SQL, shaped as the accumulator the interval code reads. */
function fixed(value: number | null): Accumulator {
  return { add: () => undefined, value: () => value };
}

/** An average from SQL's AVG and STDDEV_SAMP, for the t interval. */
class SqlAverage extends Average {
  private readonly spread: SampleSpread;
  constructor(n: number, private readonly mean: number | null, sd: number | null) {
    super();
    this.spread = { n, sd: sd ?? Number.NaN };
  }
  override get moments(): SampleSpread {
    return this.spread;
  }
  override value(): number | null {
    return this.spread.n === 0 ? null : this.mean;
  }
}

function accountingOf(ctx: SqlResultContext, metricId: string, rows: readonly SqlRow[]): Record<string, Accounting> {
  const result: Record<string, Accounting> = {};
  for (const task of ctx.program.tasks.filter((t) => t.metricId === metricId)) {
    const a = emptyAccounting(task.exclusions);
    for (const row of rows.filter((r) => r.metric === metricId && r.source === task.sourceId)) {
      const count = num(row.row_count) ?? 0;
      const cls = String(row.class);
      a.read += count;
      if (cls.startsWith('excluded:')) a.excluded[cls.slice('excluded:'.length)] = count;
      else if (cls === 'out_of_period' || cls === 'duplicate' || cls === 'missing' || cls === 'invalid' || cls === 'used') a[cls] = count;
    }
    result[task.sourceId] = a;
  }
  return result;
}

/**
 * MetricResults from the rows a SQL engine returned for a compiled program, with
 * intervals, targets and statuses worked out exactly as the built-in engine does.
 */
export function metricResultsFromSql(ctx: SqlResultContext, results: SqlResults): MetricResult[] {
  const { analysis } = ctx;
  const values = new Map<string, { overall: number | null; segments: Map<string, number | null> }>();
  const out = new Map<string, MetricResult>();
  for (const compiled of ctx.program.metrics) buildMetric(compiled);
  return ctx.program.requested.map((id) => out.get(id)!);

  function buildMetric(compiled: CompiledMetric): void {
    const analyzed = analysis.metrics.get(compiled.id)!;
    const { metric } = analyzed;
    const rows = results.metrics.get(compiled.id) ?? [];
    const names = [...analyzed.measureRefs, ...analyzed.parameterRefs, ...analyzed.metricRefs];
    const formula = compileExpression(analyzed.formula.expr!, { slot: (name) => names.indexOf(name), typeOf: () => 'number' });
    const keyOf = (row: SqlRow): string => compiled.dimensions.map((d) => (row[d] === null ? '\u0000' : `${String(row[d])}\u0001`)).join('');

    const segmentOf = (row: SqlRow, dimensions: Record<string, string | null>, key: string | undefined): SegmentResult => {
      const measures: Record<string, number | null> = {};
      for (const m of compiled.measures) measures[m.name] = num(row[m.name]) ?? (m.aggregate.startsWith('count') ? 0 : null);
      const accumulator = (name: string): Accumulator | undefined => {
        const m = compiled.measures.find((x) => x.name === name);
        if (!m) return undefined;
        if (m.aggregate !== 'avg') return fixed(measures[name] ?? null);
        return new SqlAverage(num(row[`${name}__n`]) ?? 0, measures[name] ?? null, num(row[`${name}__sd`]));
      };
      const value = num(row.value);
      let reason: string | null = null;
      if (value === null) {
        // The SQL says NULL; the built-in engine's formula says why.
        const scope: Scalar[] = names.map((n) => (n in measures ? measures[n]! : ctx.parameters.has(n) ? ctx.parameters.get(n)! : key === undefined ? values.get(n)?.overall ?? null : values.get(n)?.segments.get(key) ?? null));
        const check = formula.evaluate(scope);
        const missing = names.filter((_, i) => scope[i] === null);
        reason = check === null ? formula.reason() ?? (missing.length > 0 ? `no value for ${missing.join(', ')}` : 'no value') : 'no value';
      }
      const n = metric.sample ? measures[metric.sample] ?? 0 : null;
      const used = num(row[USED]) ?? 0;
      const target = applicableTarget(metric, ctx.period, dimensions, ctx.periodOf);
      return {
        dimensions,
        value,
        reason,
        n,
        measures,
        ci95: interval95(metric.interval, accumulator),
        target: target?.value ?? null,
        status: metricStatus(metric, value, n, used, target),
        spread: spreadOf(metric.interval, accumulator),
      };
    };

    const overallRow = rows.find((r) => num(r[SEGMENT]) === 0) ?? {};
    const segmentRows = rows
      .filter((r) => num(r[SEGMENT]) === 1)
      .map((r) => ({ row: r, dims: compiled.dimensions.map((d) => (r[d] === null || r[d] === undefined ? null : String(r[d]))) }))
      .sort((a, b) => compareDimensions(a.dims, b.dims));
    const segmentValues = new Map<string, number | null>();
    const segments = segmentRows.map(({ row, dims }) => {
      const key = keyOf(row);
      const segment = segmentOf(row, Object.fromEntries(compiled.dimensions.map((d, i) => [d, dims[i] ?? null])), key);
      segmentValues.set(key, segment.value);
      return segment;
    });
    const overall = segmentOf(overallRow, {}, undefined);
    values.set(compiled.id, { overall: overall.value, segments: segmentValues });
    out.set(compiled.id, {
      id: compiled.id,
      name: metric.name,
      version: metric.version,
      fingerprint: fingerprint(analysis, compiled.id),
      unit: metric.unit,
      direction: metric.direction,
      ...overall,
      accounting: accountingOf(ctx, compiled.id, results.accounting),
      segments,
    });
  }
}
