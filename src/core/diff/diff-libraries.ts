import { fingerprint, normalisedMath } from '../compute/fingerprint.js';
import { analyzeLibrary, type LibraryAnalysis } from '../library/analyze-metric.js';
import type { Library, MetricDef } from '../library/types.js';
import type { Change, MetricDiff } from './change-types.js';
import { compareMath, stable } from './compare-math.js';
import { bumpOf, bumpSatisfies, strongest } from './semver.js';

/** Differences a reader cares about that do not change the numbers. */
function compareOther(a: MetricDef, b: MetricDef): Change[] {
  const changes: Change[] = [];
  if (a.unit !== b.unit) changes.push({ aspect: 'unit', kind: 'changed', name: null, from: a.unit, to: b.unit, bump: 'major' });
  if (a.direction !== b.direction) changes.push({ aspect: 'direction', kind: 'changed', name: null, from: a.direction, to: b.direction, bump: 'major' });
  for (const d of a.dimensions) if (!b.dimensions.includes(d)) changes.push({ aspect: 'dimension', kind: 'removed', name: d, from: d, to: null, bump: 'major' });
  for (const d of b.dimensions) if (!a.dimensions.includes(d)) changes.push({ aspect: 'dimension', kind: 'added', name: d, from: null, to: d, bump: 'none' });
  if (a.status !== b.status) changes.push({ aspect: 'status', kind: 'changed', name: null, from: a.status, to: b.status, bump: 'none' });
  if (stable(a.approvers) !== stable(b.approvers)) changes.push({ aspect: 'approvers', kind: 'changed', name: null, from: a.approvers, to: b.approvers, bump: 'none' });
  for (const entry of b.changelog) {
    const old = a.changelog.find((e) => e.version === entry.version);
    if (!old) changes.push({ aspect: 'changelog', kind: 'added', name: entry.version, from: null, to: entry.change, bump: 'none' });
    else if (stable(old) !== stable(entry)) changes.push({ aspect: 'changelog', kind: 'changed', name: entry.version, from: old.change, to: entry.change, bump: 'none' });
  }
  // Everything else a person wrote (name, description, owner, targets, tolerance, min_sample, weight).
  const rest = (m: MetricDef) => stable({ ...m, file: undefined, version: undefined, changelog: undefined, status: undefined, approvers: undefined, unit: undefined, direction: undefined, dimensions: undefined, formula: undefined, measures: undefined, exclusions: undefined, source: undefined, sample: undefined, interval: undefined });
  if (rest(a) !== rest(b)) changes.push({ aspect: 'description', kind: 'changed', name: null, from: null, to: null, bump: 'none' });
  return changes;
}

function compareMetric(base: LibraryAnalysis, head: LibraryAnalysis, id: string): MetricDiff {
  const a = base.metrics.get(id);
  const b = head.metrics.get(id);
  const fingerprintFrom = a ? fingerprint(base, id) : null;
  const fingerprintTo = b ? fingerprint(head, id) : null;
  const fingerprints = { from: fingerprintFrom, to: fingerprintTo };
  if (!a || !b) {
    return { id, status: a ? 'removed' : 'added', before: a?.metric, after: b?.metric, fingerprint: fingerprints, mathChanged: true, changes: [], required: 'none', bump: null, bumpOk: null };
  }
  const mathChanged = fingerprintFrom !== fingerprintTo;
  const math = compareMath(base, head, id, { before: normalisedMath(base, id), after: normalisedMath(head, id) }, (side, ref) => {
    const analysis = side === 'before' ? base : head;
    return analysis.metrics.has(ref) ? fingerprint(analysis, ref) : null;
  });
  if (mathChanged && math.length === 0) math.push({ aspect: 'math', kind: 'changed', name: null, from: fingerprintFrom, to: fingerprintTo, bump: 'minor' });
  const changes = [...math, ...compareOther(a.metric, b.metric)];
  const required = strongest(changes.map((c) => c.bump));
  const bump = bumpOf(a.metric.version, b.metric.version);
  const changed = changes.length > 0 || bump !== 'none';
  return { id, status: changed ? 'changed' : 'unchanged', before: a.metric, after: b.metric, fingerprint: fingerprints, mathChanged, changes, required, bump, bumpOk: bumpSatisfies(bump, required) };
}

/** Every metric of either library version, compared, in id order. */
export function diffLibraries(base: Library, head: Library): MetricDiff[] {
  const baseAnalysis = analyzeLibrary(base);
  const headAnalysis = analyzeLibrary(head);
  const ids = [...new Set([...base.metrics.keys(), ...head.metrics.keys()])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return ids.map((id) => compareMetric(baseAnalysis, headAnalysis, id));
}
