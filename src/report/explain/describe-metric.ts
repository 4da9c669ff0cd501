import { namesIn, type Expr } from '../../core/expression/ast.js';
import { renderExpression } from '../../core/expression/render-expression.js';
import type { MetricAnalysis } from '../../core/library/analyze-metric.js';
import { exclusionSourceId, measureSourceId, measureTimeColumn } from '../../core/library/resolve-sources.js';
import type { Library } from '../../core/library/types.js';

/** The words for a measure: "count of nps_score where nps_score ≥ 9". */
function describeMeasure(analyzed: MetricAnalysis, name: string): string {
  const m = analyzed.metric.measures.get(name)!;
  const what = m.aggregate === 'count' && !m.column ? 'count of rows'
    : m.aggregate === 'percentile' ? `percentile ${m.p} of ${m.column}`
    : `${m.aggregate.replace('_', ' ')} of ${m.column}`;
  const where = analyzed.conditions.find((c) => c.path.join('/') === `measures/${name}/where`);
  return where?.expr ? `${what} where ${renderExpression(where.expr)}` : what;
}

/** A metric in words and its lineage: columns → measures → formula. */
export function describeMetric(library: Library, analyzed: MetricAnalysis, fingerprint: string): string {
  const { metric } = analyzed;
  const lines: string[] = [];
  lines.push(`${metric.id} — ${metric.name}`);
  lines.push(`version ${metric.version} (${metric.status}) · owner ${metric.owner ?? '(none)'} · approvers ${metric.approvers.join(', ') || '(none)'} · fingerprint ${fingerprint}`);
  if (metric.description) lines.push('', metric.description.trim());
  lines.push('', `Value = ${analyzed.formula.expr ? renderExpression(analyzed.formula.expr) : metric.formula}`);
  lines.push(`Unit: ${metric.unit}, ${metric.direction} is better.${metric.minSample !== undefined ? ` Below ${metric.minSample} in the sample (${metric.sample}) the status is insufficient_sample.` : ''}${metric.interval ? ` 95% interval: ${metric.interval.method}.` : ''}`);
  const params = analyzed.parameterRefs.map((p) => `${p} = ${library.parameters.get(p)?.value}`);
  if (params.length) lines.push(`Parameters: ${params.join(', ')}`);
  if (analyzed.metricRefs.length) lines.push(`Uses metrics: ${analyzed.metricRefs.join(', ')}`);

  lines.push('', 'Measures:');
  const width = Math.max(...[...metric.measures.keys()].map((k) => k.length));
  for (const m of metric.measures.values()) {
    const source = measureSourceId(metric, m)!;
    const time = measureTimeColumn(metric, m, library.sources.get(source));
    lines.push(`  ${m.name.padEnd(width)}  ${describeMeasure(analyzed, m.name)}  [${source}, by ${time}]${m.description ? ` — ${m.description.trim()}` : ''}`);
  }
  if (metric.exclusions.size > 0) {
    lines.push('', 'Excluded before measuring:');
    for (const e of metric.exclusions.values()) {
      const cond = analyzed.conditions.find((c) => c.path.join('/') === `exclusions/${e.name}/where`);
      lines.push(`  ${e.name}: rows of ${exclusionSourceId(metric, e)} where ${cond?.expr ? renderExpression(cond.expr) : e.where} — ${e.reason.trim()}`);
    }
  }

  lines.push('', 'Lineage (columns → measures → value):');
  const uses = new Map<string, string[]>();
  const add = (column: string, use: string) => uses.set(column, [...(uses.get(column) ?? []), use]);
  for (const m of metric.measures.values()) {
    const source = measureSourceId(metric, m)!;
    if (m.column) add(`${source}.${m.column}`, m.name);
    const where = analyzed.conditions.find((c) => c.path.join('/') === `measures/${m.name}/where`);
    for (const name of new Set(where?.expr ? collectNames(where.expr) : [])) if (name !== m.column) add(`${source}.${name}`, `${m.name} (condition)`);
    add(`${source}.${measureTimeColumn(metric, m, library.sources.get(source))}`, 'period');
  }
  for (const e of metric.exclusions.values()) {
    const cond = analyzed.conditions.find((c) => c.path.join('/') === `exclusions/${e.name}/where`);
    for (const name of new Set(cond?.expr ? collectNames(cond.expr) : [])) add(`${exclusionSourceId(metric, e)}.${name}`, `exclusion ${e.name}`);
  }
  for (const [column, list] of uses) lines.push(`  ${column} → ${[...new Set(list)].join(', ')}`);
  lines.push(`  ${[...metric.measures.keys()].join(', ')}${analyzed.parameterRefs.length ? `, ${analyzed.parameterRefs.join(', ')}` : ''} → ${metric.id}`);
  if (metric.dimensions.length) lines.push('', `Segments: --by ${metric.dimensions.join(', ')}`);
  if (metric.changelog.length) {
    lines.push('', 'Changelog:');
    for (const c of metric.changelog) lines.push(`  ${c.version}  ${c.date}${c.author ? `  ${c.author}` : ''}  ${c.change.trim()}`);
  }
  return `${lines.join('\n')}\n`;
}

function collectNames(expr: Expr): string[] {
  return namesIn(expr).flatMap((n) => (n.kind === 'name' ? [n.name] : []));
}
