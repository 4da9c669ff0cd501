import { canonicalExpression } from '../compute/fingerprint.js';
import type { LibraryAnalysis, MetricAnalysis } from '../library/analyze-metric.js';
import { exclusionSourceId, measureSourceId, measureTimeColumn } from '../library/resolve-sources.js';
import type { Change } from './change-types.js';

/** A value written so that two equal values give equal text (keys sorted). */
export function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const same = (a: unknown, b: unknown): boolean => stable(a) === stable(b);

function conditionOf(analysis: MetricAnalysis, path: string): unknown {
  const found = analysis.conditions.find((c) => c.path.join('/') === path);
  return found ? canonicalExpression(found.expr, found.text) : undefined;
}

/** A measure's fields as the math sees them (conditions canonical, sources and time columns resolved), and as written. */
function measureFacts(library: LibraryAnalysis['library'], analysis: MetricAnalysis, name: string) {
  const metric = analysis.metric;
  const m = metric.measures.get(name)!;
  const source = measureSourceId(metric, m);
  const time = measureTimeColumn(metric, m, source ? library.sources.get(source) : undefined);
  return {
    math: { aggregate: m.aggregate, column: m.column, where: conditionOf(analysis, `measures/${name}/where`), source, time_column: time, p: m.p },
    shown: { aggregate: m.aggregate, column: m.column ?? null, where: m.where ?? null, source: source ?? null, time_column: time ?? null, ...(m.p !== undefined ? { p: m.p } : {}) },
  };
}

function compareNamed<T extends { math: Record<string, unknown>; shown: unknown }>(
  aspect: 'measure' | 'exclusion', before: readonly string[], after: readonly string[], facts: (side: 'before' | 'after', name: string) => T, isMajor: (name: string, fields: readonly string[]) => boolean,
): Change[] {
  const changes: Change[] = [];
  for (const name of before) {
    if (!after.includes(name)) changes.push({ aspect, kind: 'removed', name, from: facts('before', name).shown, to: null, bump: 'minor' });
  }
  for (const name of after) {
    if (!before.includes(name)) {
      changes.push({ aspect, kind: 'added', name, from: null, to: facts('after', name).shown, bump: 'minor' });
      continue;
    }
    const a = facts('before', name);
    const b = facts('after', name);
    const fields = [...new Set([...Object.keys(a.math), ...Object.keys(b.math)])].filter((k) => !same(a.math[k], b.math[k]));
    if (fields.length > 0) changes.push({ aspect, kind: 'changed', name, from: a.shown, to: b.shown, fields, bump: isMajor(name, fields) ? 'major' : 'minor' });
  }
  return changes;
}

/** The columns a metric reads, with the properties that change values: `source.column` → {type, min, max, values}. */
function columnFacts(math: unknown): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const sources = (math as { sources?: Record<string, { key?: string; columns: Record<string, unknown> }> } | null)?.sources ?? {};
  for (const [source, read] of Object.entries(sources)) {
    found.set(`${source} key`, read.key ?? null);
    for (const [column, facts] of Object.entries(read.columns)) found.set(`${source}.${column}`, facts);
  }
  return found;
}

/**
 * The differences in the math of a metric between two versions: formula, measures,
 * exclusions, source, the columns read, parameters and the metrics it uses.
 */
export function compareMath(base: LibraryAnalysis, head: LibraryAnalysis, id: string, maths: { before: unknown; after: unknown }, fingerprints: (side: 'before' | 'after', ref: string) => string | null): Change[] {
  const a = base.metrics.get(id)!;
  const b = head.metrics.get(id)!;
  const changes: Change[] = [];
  if (a.metric.source !== b.metric.source) changes.push({ aspect: 'source', kind: 'changed', name: null, from: a.metric.source ?? null, to: b.metric.source ?? null, bump: 'major' });
  if (!same(canonicalExpression(a.formula.expr, a.formula.text), canonicalExpression(b.formula.expr, b.formula.text))) {
    changes.push({ aspect: 'formula', kind: 'changed', name: null, from: a.metric.formula, to: b.metric.formula, bump: 'minor' });
  }
  changes.push(...compareNamed('measure', [...a.metric.measures.keys()], [...b.metric.measures.keys()], (side, name) => (side === 'before' ? measureFacts(base.library, a, name) : measureFacts(head.library, b, name)),
    // A measure's own source changing is a change of source; one inherited from the metric is reported once, above.
    (name, fields) => fields.includes('source') && a.metric.measures.get(name)!.source !== b.metric.measures.get(name)!.source));
  const exclusionFacts = (analysis: MetricAnalysis, name: string) => {
    const e = analysis.metric.exclusions.get(name)!;
    const source = exclusionSourceId(analysis.metric, e);
    return { math: { where: conditionOf(analysis, `exclusions/${name}/where`), source }, shown: { where: e.where, source: source ?? null } };
  };
  changes.push(...compareNamed('exclusion', [...a.metric.exclusions.keys()], [...b.metric.exclusions.keys()], (side, name) => exclusionFacts(side === 'before' ? a : b, name),
    (name, fields) => fields.includes('source') && a.metric.exclusions.get(name)!.source !== b.metric.exclusions.get(name)!.source));

  const columnsBefore = columnFacts(maths.before);
  const columnsAfter = columnFacts(maths.after);
  for (const [name, after] of columnsAfter) {
    // Columns newly read show up as measure or exclusion changes; only what changed under a kept column is reported here.
    if (columnsBefore.has(name) && !same(columnsBefore.get(name), after)) {
      changes.push({ aspect: 'column', kind: 'changed', name, from: columnsBefore.get(name), to: after, bump: 'minor' });
    }
  }

  const paramsBefore = a.parameterRefs;
  const paramsAfter = b.parameterRefs;
  for (const p of paramsBefore) if (!paramsAfter.includes(p)) changes.push({ aspect: 'parameter', kind: 'removed', name: p, from: base.library.parameters.get(p)?.value ?? null, to: null, bump: 'minor' });
  for (const p of paramsAfter) {
    const to = head.library.parameters.get(p)?.value ?? null;
    if (!paramsBefore.includes(p)) changes.push({ aspect: 'parameter', kind: 'added', name: p, from: null, to, bump: 'minor' });
    else {
      const from = base.library.parameters.get(p)?.value ?? null;
      if (from !== to) changes.push({ aspect: 'parameter', kind: 'changed', name: p, from, to, bump: 'minor' });
    }
  }

  for (const r of a.metricRefs) if (!b.metricRefs.includes(r)) changes.push({ aspect: 'metric', kind: 'removed', name: r, from: fingerprints('before', r), to: null, bump: 'minor' });
  for (const r of b.metricRefs) {
    if (!a.metricRefs.includes(r)) changes.push({ aspect: 'metric', kind: 'added', name: r, from: null, to: fingerprints('after', r), bump: 'minor' });
    else if (fingerprints('before', r) !== fingerprints('after', r)) changes.push({ aspect: 'metric', kind: 'changed', name: r, from: fingerprints('before', r), to: fingerprints('after', r), bump: 'minor' });
  }

  if (!same(a.metric.sample, b.metric.sample)) changes.push({ aspect: 'sample', kind: 'changed', name: null, from: a.metric.sample ?? null, to: b.metric.sample ?? null, bump: 'minor' });
  if (!same(a.metric.interval, b.metric.interval)) changes.push({ aspect: 'interval', kind: 'changed', name: null, from: a.metric.interval ?? null, to: b.metric.interval ?? null, bump: 'minor' });
  return changes;
}
