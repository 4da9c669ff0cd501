import { namesIn, type Expr } from '../../core/expression/ast.js';
import { renderExpression } from '../../core/expression/render-expression.js';
import type { LibraryAnalysis, MetricAnalysis } from '../../core/library/analyze-metric.js';
import { exclusionSourceId, measureSourceId, measureTimeColumn } from '../../core/library/resolve-sources.js';
import type { ChangelogEntry, ColumnDef, Library } from '../../core/library/types.js';

export interface CatalogMeasure {
  readonly name: string;
  readonly definition: string;
  readonly source: string;
  readonly timeColumn: string;
  readonly description?: string;
}

export interface CatalogMetric {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly version: string;
  readonly status: string;
  readonly owner?: string;
  readonly approvers: readonly string[];
  readonly unit: string;
  readonly direction: string;
  readonly formula: string;
  readonly measures: readonly CatalogMeasure[];
  readonly exclusions: readonly { readonly name: string; readonly source: string; readonly where: string; readonly reason: string }[];
  readonly parameters: readonly { readonly name: string; readonly value: number }[];
  /** Columns read, by source, sorted. */
  readonly columns: readonly { readonly source: string; readonly columns: readonly string[] }[];
  readonly uses: readonly string[];
  readonly usedBy: readonly string[];
  readonly dimensions: readonly string[];
  readonly minSample?: { readonly sample: string; readonly min: number };
  readonly interval?: string;
  readonly changelog: readonly ChangelogEntry[];
  readonly definedIn: string;
}

export interface CatalogSource {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly timeColumn?: string;
  readonly key?: string;
  readonly columns: readonly ColumnDef[];
  readonly usedBy: readonly string[];
  readonly definedIn: string;
}

export interface Catalog {
  readonly library: { readonly name: string; readonly description?: string; readonly extends?: string; readonly timezone: string; readonly fiscalYearStartMonth: number };
  readonly parameters: readonly { readonly name: string; readonly value: number; readonly unit?: string; readonly description?: string }[];
  readonly metrics: readonly CatalogMetric[];
  readonly sources: readonly CatalogSource[];
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function condition(analyzed: MetricAnalysis, path: string): Expr | undefined {
  return analyzed.conditions.find((c) => c.path.join('/') === path)?.expr;
}

function columnNames(expr: Expr | undefined): string[] {
  return expr ? namesIn(expr).flatMap((n) => (n.kind === 'name' ? [n.name] : [])) : [];
}

function measureDefinition(analyzed: MetricAnalysis, name: string): string {
  const m = analyzed.metric.measures.get(name)!;
  const what = m.aggregate === 'count' && !m.column ? 'count of rows'
    : m.aggregate === 'percentile' ? `percentile ${m.p} of ${m.column}`
    : `${m.aggregate.replace('_', ' ')} of ${m.column}`;
  const where = condition(analyzed, `measures/${name}/where`);
  return where ? `${what} where ${renderExpression(where)}` : what;
}

function toMetric(library: Library, analyzed: MetricAnalysis, usedBy: string[], definedIn: (file: string) => string): CatalogMetric {
  const { metric } = analyzed;
  const columns = new Map<string, Set<string>>();
  const read = (source: string | undefined, names: (string | undefined)[]): void => {
    if (!source) return;
    const set = columns.get(source) ?? new Set<string>();
    for (const name of names) if (name) set.add(name);
    columns.set(source, set);
  };
  const measures = [...metric.measures.values()].map((m): CatalogMeasure => {
    const source = measureSourceId(metric, m) ?? '';
    const timeColumn = measureTimeColumn(metric, m, library.sources.get(source)) ?? '';
    read(source, [m.column, timeColumn, ...columnNames(condition(analyzed, `measures/${m.name}/where`))]);
    return { name: m.name, definition: measureDefinition(analyzed, m.name), source, timeColumn, ...(m.description ? { description: m.description.trim() } : {}) };
  });
  const exclusions = [...metric.exclusions.values()].map((e) => {
    const source = exclusionSourceId(metric, e) ?? '';
    const expr = condition(analyzed, `exclusions/${e.name}/where`);
    read(source, columnNames(expr));
    return { name: e.name, source, where: expr ? renderExpression(expr) : e.where, reason: e.reason.trim() };
  });
  return {
    id: metric.id,
    name: metric.name,
    ...(metric.description ? { description: metric.description.trim() } : {}),
    version: metric.version,
    status: metric.status,
    ...(metric.owner ? { owner: metric.owner } : {}),
    approvers: metric.approvers,
    unit: metric.unit,
    direction: metric.direction,
    formula: analyzed.formula.expr ? renderExpression(analyzed.formula.expr) : metric.formula,
    measures,
    exclusions,
    parameters: [...analyzed.parameterRefs].sort(byText).map((name) => ({ name, value: library.parameters.get(name)?.value ?? Number.NaN })),
    columns: [...columns].sort(([a], [b]) => byText(a, b)).map(([source, set]) => ({ source, columns: [...set].sort(byText) })),
    uses: [...analyzed.metricRefs].sort(byText),
    usedBy,
    dimensions: metric.dimensions,
    ...(metric.sample !== undefined && metric.minSample !== undefined ? { minSample: { sample: metric.sample, min: metric.minSample } } : {}),
    ...(metric.interval ? { interval: metric.interval.method } : {}),
    changelog: metric.changelog,
    definedIn: definedIn(metric.file),
  };
}

/**
 * The whole library as documentation: every metric (its own and inherited) with its
 * formula in readable notation, what it reads and who depends on it; every source.
 * Pure and sorted by id, so the same library always gives the same catalog.
 */
export function buildCatalog(analysis: LibraryAnalysis, definedIn: (file: string) => string): Catalog {
  const { library } = analysis;
  const ids = [...analysis.metrics.keys()].sort(byText);
  const usedBy = (id: string): string[] => ids.filter((other) => analysis.metrics.get(other)!.metricRefs.includes(id));
  const metrics = ids.map((id) => toMetric(library, analysis.metrics.get(id)!, usedBy(id), definedIn));
  const sources = [...library.sources.values()]
    .sort((a, b) => byText(a.id, b.id))
    .map((s): CatalogSource => ({
      id: s.id,
      ...(s.name ? { name: s.name } : {}),
      ...(s.description ? { description: s.description.trim() } : {}),
      ...(s.timeColumn ? { timeColumn: s.timeColumn } : {}),
      ...(s.key ? { key: s.key } : {}),
      columns: [...s.columns.values()],
      usedBy: metrics.filter((m) => m.columns.some((c) => c.source === s.id)).map((m) => m.id),
      definedIn: definedIn(s.file),
    }));
  const { manifest } = library;
  return {
    library: {
      name: manifest.name,
      ...(manifest.description ? { description: manifest.description.trim() } : {}),
      ...(manifest.extends ? { extends: manifest.extends } : {}),
      timezone: manifest.timezone,
      fiscalYearStartMonth: manifest.fiscalYearStartMonth,
    },
    parameters: [...library.parameters.values()].sort((a, b) => byText(a.name, b.name)).map((p) => ({ name: p.name, value: p.value, ...(p.unit ? { unit: p.unit } : {}), ...(p.description ? { description: p.description.trim() } : {}) })),
    metrics,
    sources,
  };
}
