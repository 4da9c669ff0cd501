import type { Expr, ExprIssue } from '../expression/ast.js';
import { namesIn } from '../expression/ast.js';
import { checkExpression, type CheckScope, type NameInfo } from '../expression/check-expression.js';
import { parseExpression } from '../expression/parse-expression.js';
import { valueTypeOf, type ValueType } from '../expression/types.js';
import type { DocPath } from '../problem.js';
import { exclusionSourceId, measureSourceId } from './resolve-sources.js';
import type { Library, MetricDef } from './types.js';

/** One expression of a metric, parsed and checked, with where it sits in the file. */
export interface AnalyzedExpression {
  readonly path: DocPath;
  readonly text: string;
  readonly role: 'formula' | 'row condition' | 'exclusion';
  readonly expr?: Expr;
  readonly type?: ValueType;
  readonly issues: readonly ExprIssue[];
}

export interface MetricAnalysis {
  readonly metric: MetricDef;
  readonly formula: AnalyzedExpression;
  readonly conditions: readonly AnalyzedExpression[];
  /** Other metrics the formula uses, and parameters. */
  readonly metricRefs: readonly string[];
  readonly parameterRefs: readonly string[];
  readonly measureRefs: readonly string[];
}

function columnScope(library: Library, sourceId: string | undefined, role: string): CheckScope {
  const source = sourceId ? library.sources.get(sourceId) : undefined;
  return {
    role: source ? `${role} on ${source.id}` : role,
    lookup: (name) => {
      const column = source?.columns.get(name);
      return column ? { kind: 'column', type: valueTypeOf(column.type) } : undefined;
    },
    candidates: () => source?.columns.keys() ?? [],
    // Without a known source every column would look unknown; unknown-source reports it.
    isBroken: () => !source,
  };
}

/** Names a formula can use: the metric's measures, then parameters, then other metrics. */
export function formulaLookup(library: Library, metric: MetricDef, name: string): NameInfo | undefined {
  if (metric.measures.has(name)) return { kind: 'measure', type: 'number' };
  if (library.parameters.has(name)) return { kind: 'parameter', type: 'number' };
  if (name !== metric.id && library.metrics.has(name)) return { kind: 'metric', type: 'number' };
  return undefined;
}

function analyze(path: DocPath, text: string, role: AnalyzedExpression['role'], scope: CheckScope): AnalyzedExpression {
  const parsed = parseExpression(text);
  if (!parsed.expr) return { path, text, role, issues: [parsed.issue!] };
  const checked = checkExpression(parsed.expr, scope);
  const issues = [...checked.issues];
  const wanted: ValueType = role === 'formula' ? 'number' : 'boolean';
  if (checked.type !== undefined && checked.type !== wanted) {
    issues.push({
      code: 'type-mismatch',
      message: role === 'formula' ? `a formula must give a number, but this gives ${checked.type === 'boolean' ? 'true or false' : checked.type}` : `${role === 'exclusion' ? 'an exclusion' : 'a row condition'} must be true or false, but this gives ${checked.type === 'string' ? 'text' : `a ${checked.type}`}`,
      span: { start: 0, end: text.length },
    });
  }
  return { path, text, role, expr: parsed.expr, type: checked.type, issues };
}

/** Parses and checks every expression of a metric once, for all rules to share. */
export function analyzeMetric(library: Library, metric: MetricDef): MetricAnalysis {
  const conditions: AnalyzedExpression[] = [];
  for (const measure of metric.measures.values()) {
    if (measure.where === undefined) continue;
    const scope = columnScope(library, measureSourceId(metric, measure), 'row condition');
    conditions.push(analyze(['measures', measure.name, 'where'], measure.where, 'row condition', scope));
  }
  for (const exclusion of metric.exclusions.values()) {
    const scope = columnScope(library, exclusionSourceId(metric, exclusion), 'exclusion');
    conditions.push(analyze(['exclusions', exclusion.name, 'where'], exclusion.where, 'exclusion', scope));
  }
  const formulaScope: CheckScope = {
    role: 'formula',
    lookup: (name) => formulaLookup(library, metric, name),
    candidates: () => [...metric.measures.keys(), ...library.parameters.keys(), ...[...library.metrics.keys()].filter((id) => id !== metric.id)],
    isBroken: (name) => library.brokenIds.has(name),
  };
  const analyzed = analyze(['formula'], metric.formula, 'formula', formulaScope);
  // A metric naming itself is a loop of one, not an unknown name.
  const formula: AnalyzedExpression = {
    ...analyzed,
    issues: analyzed.issues.map((issue) =>
      issue.code === 'unknown-identifier' && metric.formula.slice(issue.span.start, issue.span.end) === metric.id
        ? { code: 'cyclic-dependency', message: `'${metric.id}' uses itself in its formula (${metric.id} -> ${metric.id})`, span: issue.span }
        : issue,
    ),
  };
  const metricRefs: string[] = [];
  const parameterRefs: string[] = [];
  const measureRefs: string[] = [];
  for (const name of formula.expr ? namesIn(formula.expr) : []) {
    if (name.kind !== 'name') continue;
    const info = formulaLookup(library, metric, name.name);
    const list = info?.kind === 'metric' ? metricRefs : info?.kind === 'parameter' ? parameterRefs : info?.kind === 'measure' ? measureRefs : undefined;
    if (list && !list.includes(name.name)) list.push(name.name);
  }
  return { metric, formula, conditions, metricRefs, parameterRefs, measureRefs };
}

export interface LibraryAnalysis {
  readonly library: Library;
  readonly metrics: ReadonlyMap<string, MetricAnalysis>;
}

export function analyzeLibrary(library: Library): LibraryAnalysis {
  const metrics = new Map<string, MetricAnalysis>();
  for (const metric of library.metrics.values()) metrics.set(metric.id, analyzeMetric(library, metric));
  return { library, metrics };
}
