import { createHash } from 'node:crypto';
import type { Expr } from '../expression/ast.js';
import type { LibraryAnalysis } from '../library/analyze-metric.js';
import { exclusionSourceId, measureSourceId, measureTimeColumn } from '../library/resolve-sources.js';

/** An expression written canonically: spacing, parentheses and layout do not matter. */
export function canonicalExpression(expr: Expr | undefined, fallback: string): unknown {
  if (!expr) return fallback.replace(/\s+/g, ' ').trim();
  switch (expr.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return expr.value;
    case 'name':
      return { name: expr.name };
    case 'unary':
      return [expr.op, canonicalExpression(expr.arg, '')];
    case 'binary':
      return [expr.op, canonicalExpression(expr.left, ''), canonicalExpression(expr.right, '')];
    case 'call':
      return [`${expr.fn}()`, ...expr.args.map((a) => canonicalExpression(a, ''))];
    case 'if':
      return ['if()', canonicalExpression(expr.condition, ''), canonicalExpression(expr.then, ''), canonicalExpression(expr.otherwise, '')];
  }
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The normalised math of a metric: everything that can change its value or sample
 * (formula, measures, conditions, exclusions, sources and the types of the columns
 * read, parameter values, the math of metrics it uses) and nothing that cannot
 * (names, descriptions, owners, comments, key order, layout).
 */
export function normalisedMath(analysis: LibraryAnalysis, id: string, seen: string[] = []): unknown {
  const analyzed = analysis.metrics.get(id);
  if (!analyzed || seen.includes(id)) return null;
  const { metric } = analyzed;
  const { library } = analysis;
  const condition = (path: string) => {
    const found = analyzed.conditions.find((c) => c.path.join('/') === path);
    return found ? canonicalExpression(found.expr, found.text) : undefined;
  };
  const columnsRead = new Map<string, Set<string>>();
  const read = (source: string | undefined, column: string | undefined) => {
    if (!source || !column) return;
    columnsRead.set(source, (columnsRead.get(source) ?? new Set()).add(column));
  };
  const measures: Record<string, unknown> = {};
  for (const m of metric.measures.values()) {
    const source = measureSourceId(metric, m);
    const time = measureTimeColumn(metric, m, source ? library.sources.get(source) : undefined);
    read(source, m.column);
    read(source, time);
    measures[m.name] = { aggregate: m.aggregate, column: m.column, where: condition(`measures/${m.name}/where`), source, time, p: m.p };
  }
  const exclusions: Record<string, unknown> = {};
  for (const e of metric.exclusions.values()) {
    exclusions[e.name] = { where: condition(`exclusions/${e.name}/where`), source: exclusionSourceId(metric, e) };
  }
  for (const c of analyzed.conditions) {
    const source = c.path[0] === 'measures' ? measureSourceId(metric, metric.measures.get(String(c.path[1]))!) : exclusionSourceId(metric, metric.exclusions.get(String(c.path[1]))!);
    for (const name of JSON.stringify(canonicalExpression(c.expr, c.text)).match(/"name":"([^"]+)"/g) ?? []) read(source, name.slice(8, -1));
  }
  const columns: Record<string, unknown> = {};
  for (const [sourceId, names] of columnsRead) {
    const source = library.sources.get(sourceId);
    const key = source?.key;
    columns[sourceId] = {
      key,
      columns: Object.fromEntries([...names].sort().map((n) => {
        const c = source?.columns.get(n);
        return [n, c ? { type: c.type, min: c.min, max: c.max, values: c.values } : null];
      })),
    };
  }
  return {
    formula: canonicalExpression(analyzed.formula.expr, analyzed.formula.text),
    measures,
    exclusions,
    sources: columns,
    sample: metric.sample,
    interval: metric.interval,
    parameters: Object.fromEntries(analyzed.parameterRefs.map((p) => [p, library.parameters.get(p)?.value])),
    metrics: Object.fromEntries(analyzed.metricRefs.map((r) => [r, normalisedMath(analysis, r, [...seen, id])])),
  };
}

/** sha256 of the normalised math, shortened to 16 hex digits. */
export function fingerprint(analysis: LibraryAnalysis, id: string): string {
  return createHash('sha256').update(sortedJson(normalisedMath(analysis, id))).digest('hex').slice(0, 16);
}
