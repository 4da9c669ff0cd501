import type { Expr } from '../expression/ast.js';
import { compileCondition } from '../expression/compile-expression.js';
import type { Scalar } from '../expression/runtime.js';
import { valueTypeOf } from '../expression/types.js';
import type { LibraryAnalysis, MetricAnalysis } from '../library/analyze-metric.js';
import { exclusionSourceId, measureSourceId, measureTimeColumn } from '../library/resolve-sources.js';
import type { Aggregate, ColumnDef, Library, SourceDef } from '../library/types.js';

/** One measure's part of the per-row work. */
export interface MeasurePlan {
  readonly name: string;
  readonly aggregate: Aggregate;
  readonly p?: number;
  /** Slot of the aggregated column, or -1 for counting rows. */
  readonly slot: number;
  readonly where?: (values: readonly Scalar[]) => boolean;
}

/** What one metric does with each row of one source. */
export interface MetricSourcePlan {
  readonly metricId: string;
  readonly sourceId: string;
  readonly timeSlot: number;
  readonly timeType: 'date' | 'timestamp';
  readonly exclusions: readonly { name: string; test: (values: readonly Scalar[]) => boolean }[];
  /** Every slot the metric reads on this source: an invalid value in any makes the row invalid. */
  readonly readSlots: readonly number[];
  /** Slots the measures aggregate: a row missing all of them is missing. */
  readonly valueSlots: readonly number[];
  /** The dimensions this metric is segmented by (empty when it does not allow the ones asked for). */
  readonly dimensions: readonly string[];
  readonly dimensionSlots: readonly number[];
  readonly measures: readonly MeasurePlan[];
}

/** The columns to decode for one source and every metric's work on its rows. */
export interface SourcePlan {
  readonly source: SourceDef;
  readonly columns: readonly ColumnDef[];
  /** Why each column is needed, for messages when an export lacks it. */
  readonly needs: readonly string[];
  readonly keySlot: number;
  /** True when no metric reads the key column for anything but duplicate detection. */
  readonly keyOnly: boolean;
  readonly tasks: readonly MetricSourcePlan[];
}

export interface ComputePlan {
  readonly metricIds: readonly string[];
  readonly dimensions: readonly string[];
  readonly sources: readonly SourcePlan[];
}

class SlotTable {
  readonly columns: ColumnDef[] = [];
  readonly needs: string[] = [];
  constructor(readonly source: SourceDef) {}
  slot(name: string, need: string): number {
    const index = this.columns.findIndex((c) => c.name === name);
    if (index >= 0) return index;
    const column = this.source.columns.get(name);
    if (!column) throw new Error(`column ${name} of ${this.source.id} passed lint but does not exist`);
    this.columns.push(column);
    this.needs.push(need);
    return this.columns.length - 1;
  }
}

/** Metrics in an order where every metric comes after the metrics its formula uses. */
export function dependencyOrder(analysis: LibraryAnalysis, ids: readonly string[]): string[] {
  const order: string[] = [];
  const visit = (id: string): void => {
    if (order.includes(id)) return;
    for (const ref of analysis.metrics.get(id)?.metricRefs ?? []) visit(ref);
    order.push(id);
  };
  ids.forEach(visit);
  return order;
}

/**
 * Plans one pass over each source: which columns to decode, and for every metric
 * reading the source its compiled exclusions and measure conditions.
 */
export function planCompute(analysis: LibraryAnalysis, metricIds: readonly string[], dimensions: readonly string[]): ComputePlan {
  // A metric is segmented only when it allows every dimension asked for.
  const dimensionsOf = (id: string): readonly string[] => {
    const allowed = analysis.metrics.get(id)!.metric.dimensions;
    return dimensions.every((d) => allowed.includes(d)) ? dimensions : [];
  };
  const library: Library = analysis.library;
  const ordered = dependencyOrder(analysis, metricIds);
  const tables = new Map<string, SlotTable>();
  const tasks = new Map<string, MetricSourcePlan[]>();
  const table = (id: string): SlotTable => {
    let t = tables.get(id);
    if (!t) {
      t = new SlotTable(library.sources.get(id)!);
      tables.set(id, t);
      tasks.set(id, []);
    }
    return t;
  };

  for (const id of ordered) {
    const analyzed = analysis.metrics.get(id)!;
    const { metric } = analyzed;
    const bySource = new Map<string, typeof metric.measures extends ReadonlyMap<string, infer M> ? M[] : never>();
    for (const measure of metric.measures.values()) {
      const sourceId = measureSourceId(metric, measure)!;
      bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), measure]);
    }
    for (const [sourceId, measures] of bySource) {
      const t = table(sourceId);
      const readSlots = new Set<number>();
      const use = (name: string, need: string): number => {
        const slot = t.slot(name, need);
        readSlots.add(slot);
        return slot;
      };
      const timeColumn = measureTimeColumn(metric, measures[0]!, t.source)!;
      const timeSlot = use(timeColumn, `time column of ${id}`);
      const ctx = { slot: (name: string) => use(name, `used by ${id}`), typeOf: (name: string) => valueTypeOf(t.source.columns.get(name)!.type) };
      const exclusions = [...metric.exclusions.values()]
        .filter((e) => exclusionSourceId(metric, e) === sourceId)
        .map((e) => ({ name: e.name, test: compileCondition(conditionOf(analyzed, ['exclusions', e.name, 'where']), ctx) }));
      const valueSlots: number[] = [];
      const measurePlans: MeasurePlan[] = measures.map((m) => {
        const slot = m.column ? use(m.column, `measure ${m.name} of ${id}`) : -1;
        if (slot >= 0 && !valueSlots.includes(slot)) valueSlots.push(slot);
        const where = m.where ? compileCondition(conditionOf(analyzed, ['measures', m.name, 'where']), ctx) : undefined;
        return { name: m.name, aggregate: m.aggregate, p: m.p, slot, where };
      });
      const metricDimensions = dimensionsOf(id);
      const dimensionSlots = metricDimensions.map((d) => use(d, `--by ${d}`));
      tasks.get(sourceId)!.push({
        metricId: id,
        sourceId,
        timeSlot,
        timeType: t.source.columns.get(timeColumn)!.type === 'date' ? 'date' : 'timestamp',
        exclusions,
        dimensions: metricDimensions,
        readSlots: [...readSlots].sort((a, b) => a - b),
        valueSlots,
        dimensionSlots,
        measures: measurePlans,
      });
    }
  }

  const sources: SourcePlan[] = [];
  for (const [id, t] of [...tables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const keySlot = t.source.key ? t.slot(t.source.key, `key of ${id}`) : -1;
    const sourceTasks = tasks.get(id)!;
    const keyOnly = keySlot >= 0 && !sourceTasks.some((task) => task.readSlots.includes(keySlot) || task.dimensionSlots.includes(keySlot));
    sources.push({ source: t.source, columns: t.columns, needs: t.needs, keySlot, keyOnly, tasks: sourceTasks });
  }
  return { metricIds: ordered, dimensions, sources };
}

function conditionOf(analyzed: MetricAnalysis, path: readonly (string | number)[]): Expr {
  const found = analyzed.conditions.find((c) => c.path.join('/') === path.join('/'));
  if (!found?.expr) throw new Error(`condition ${path.join('.')} of ${analyzed.metric.id} passed lint but did not parse`);
  return found.expr;
}
