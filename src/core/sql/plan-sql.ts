import type { Expr } from '../expression/ast.js';
import { namesIn } from '../expression/ast.js';
import { dependencyOrder } from '../compute/plan.js';
import type { LibraryAnalysis, MetricAnalysis } from '../library/analyze-metric.js';
import { exclusionSourceId, measureSourceId, measureTimeColumn } from '../library/resolve-sources.js';
import type { MeasureDef, SourceDef } from '../library/types.js';

/** One metric's work on one source, with its expressions still as trees. */
export interface SqlTask {
  readonly metricId: string;
  readonly source: SourceDef;
  readonly timeColumn: string;
  readonly exclusions: readonly { readonly name: string; readonly where: Expr }[];
  readonly measures: readonly { readonly def: MeasureDef; readonly where?: Expr }[];
  /** Every column the metric reads on this source: an invalid value in any makes the row invalid. */
  readonly readColumns: readonly string[];
  /** Columns the measures aggregate: a row missing all of them is missing. */
  readonly valueColumns: readonly string[];
  readonly dimensions: readonly string[];
}

export interface SqlSourcePlan {
  readonly source: SourceDef;
  /** Columns to type, in first-use order (time columns, conditions, measures, dimensions, key). */
  readonly columns: readonly string[];
  readonly timeColumns: readonly string[];
  readonly tasks: readonly SqlTask[];
}

export interface SqlPlan {
  /** Metrics in dependency order (a metric after those its formula uses). */
  readonly metricIds: readonly string[];
  readonly sources: readonly SqlSourcePlan[];
  readonly tasks: readonly SqlTask[];
}

function conditionOf(analyzed: MetricAnalysis, path: string): Expr {
  const found = analyzed.conditions.find((c) => c.path.join('/') === path);
  if (!found?.expr) throw new Error(`condition ${path} of ${analyzed.metric.id} passed lint but did not parse`);
  return found.expr;
}

/**
 * The same division of work as the built-in engine's plan (core/compute/plan.ts):
 * per metric and source, the time column, exclusions, measures and the columns read.
 */
export function planSql(analysis: LibraryAnalysis, metricIds: readonly string[], dimensions: readonly string[]): SqlPlan {
  const ordered = dependencyOrder(analysis, metricIds);
  const tasks: SqlTask[] = [];
  for (const id of ordered) {
    const analyzed = analysis.metrics.get(id)!;
    const { metric } = analyzed;
    const metricDimensions = dimensions.every((d) => metric.dimensions.includes(d)) ? dimensions : [];
    const bySource = new Map<string, MeasureDef[]>();
    for (const measure of metric.measures.values()) {
      const sourceId = measureSourceId(metric, measure)!;
      bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), measure]);
    }
    for (const [sourceId, measures] of bySource) {
      const source = analysis.library.sources.get(sourceId)!;
      const read: string[] = [];
      const use = (name: string): void => {
        if (!read.includes(name)) read.push(name);
      };
      const timeColumn = measureTimeColumn(metric, measures[0]!, source)!;
      use(timeColumn);
      const exclusions = [...metric.exclusions.values()]
        .filter((e) => exclusionSourceId(metric, e) === sourceId)
        .map((e) => ({ name: e.name, where: conditionOf(analyzed, `exclusions/${e.name}/where`) }));
      exclusions.forEach((e) => namesIn(e.where).forEach((n) => n.kind === 'name' && use(n.name)));
      const valueColumns: string[] = [];
      const measurePlans = measures.map((def) => {
        if (def.column) {
          use(def.column);
          if (!valueColumns.includes(def.column)) valueColumns.push(def.column);
        }
        const where = def.where ? conditionOf(analyzed, `measures/${def.name}/where`) : undefined;
        if (where) namesIn(where).forEach((n) => n.kind === 'name' && use(n.name));
        return { def, where };
      });
      metricDimensions.forEach(use);
      tasks.push({ metricId: id, source, timeColumn, exclusions, measures: measurePlans, readColumns: read, valueColumns, dimensions: metricDimensions });
    }
  }
  const sourceIds = [...new Set(tasks.map((t) => t.source.id))].sort();
  const sources = sourceIds.map((id) => {
    const own = tasks.filter((t) => t.source.id === id);
    const source = own[0]!.source;
    const columns = [...new Set([...own.flatMap((t) => t.readColumns), ...(source.key ? [source.key] : [])])];
    return { source, columns, timeColumns: [...new Set(own.map((t) => t.timeColumn))], tasks: own };
  });
  return { metricIds: ordered, sources, tasks };
}
