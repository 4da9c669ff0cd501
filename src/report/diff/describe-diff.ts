import { describeChange } from '../../core/diff/describe-change.js';
import { formatDelta, formatValue } from '../compute/format-number.js';
import type { DiffChange, DiffMetric, DiffReport, DiffRevision, ImpactValue } from './diff-report.js';

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A measure or exclusion as written: `count(nps_score) where nps_score >= 9`. */
function describeParts(value: unknown): string {
  if (value === null || typeof value !== 'object') return text(value);
  const v = value as Record<string, unknown>;
  const head = v.aggregate ? `${String(v.aggregate)}(${v.column ? String(v.column) : ''})` : '';
  const rest = [v.where ? `where ${String(v.where)}` : '', v.source ? `on ${String(v.source)}` : ''].filter(Boolean).join(' ');
  return [head, rest].filter(Boolean).join(' ') || text(value);
}

/** One change on one line: what changed, and from what to what. */
export function describeChangeDetail(change: DiffChange): string {
  const label = describeChange({ ...change });
  const arrow = (a: unknown, b: unknown) => `${text(a)} → ${text(b)}`;
  switch (change.aspect) {
    case 'formula':
    case 'sample':
      return `${label}: ${arrow(change.from, change.to)}`;
    case 'measure':
    case 'exclusion': {
      if (change.kind === 'added') return `${label}: ${describeParts(change.to)}`;
      if (change.kind === 'removed') return `${label}: was ${describeParts(change.from)}`;
      const from = change.from as Record<string, unknown>;
      const to = change.to as Record<string, unknown>;
      return `${change.aspect} '${change.name}': ${(change.fields ?? []).map((f) => `${f} ${arrow(from[f], to[f])}`).join('; ')}`;
    }
    case 'column':
    case 'interval':
      return `${label}: ${arrow(change.from, change.to)}`;
    case 'parameter':
      return change.kind === 'changed' ? label : `${label}${change.kind === 'added' ? ` (${text(change.to)})` : ''}`;
    case 'changelog':
      return `${label}: ${text(change.to)}`;
    default:
      return label;
  }
}

export function describeRevision(r: DiffRevision): string {
  return r.ref === null ? 'working tree' : `${r.ref} (${r.revision!.slice(0, 7)})`;
}

export function describeVersion(m: DiffMetric): string {
  const { from, to, bump, required, ok } = m.version;
  if (m.status === 'added') return `new at ${to}`;
  if (m.status === 'removed') return `removed (was ${from})`;
  const moved = from === to ? `${to}` : `${from} → ${to}`;
  if (ok === false) return `${moved} (${bump === 'none' ? 'not bumped' : `${bump} bump`}; needs ${required})`;
  return bump === 'none' ? moved : `${moved} (${bump} bump)`;
}

export function describeImpactValue(v: ImpactValue | null, unit: string): string {
  return v ? formatValue(v.value, unit) : '—';
}

/** "40.3 → 52.1 (+11.8)" */
export function describeImpact(from: ImpactValue | null, to: ImpactValue | null, difference: number | null, unit: string): string {
  return `${describeImpactValue(from, unit)} → ${describeImpactValue(to, unit)} (${formatDelta(difference, unit)})`;
}

export function describeSummary(report: DiffReport): string {
  const s = report.summary;
  return `${s.changed} changed, ${s.added} added, ${s.removed} removed, ${s.unchanged} unchanged`;
}
