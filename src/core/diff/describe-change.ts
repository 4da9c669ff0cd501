import type { Change } from './change-types.js';

function value(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A change in a few words, e.g. "the formula", "measure 'promoters' (where)", "parameter gross_margin (0.8 → 0.7)". */
export function describeChange(change: Change): string {
  const { aspect, kind, name } = change;
  const verb = kind === 'changed' ? '' : ` ${kind}`;
  switch (aspect) {
    case 'formula':
      return 'the formula';
    case 'measure':
    case 'exclusion':
      return `${aspect} '${name}'${kind === 'changed' ? ` (${(change.fields ?? []).join(', ')})` : verb}`;
    case 'column':
      return `column ${name}`;
    case 'parameter':
      return kind === 'changed' ? `parameter ${name} (${value(change.from)} → ${value(change.to)})` : `parameter ${name}${verb}`;
    case 'metric':
      return kind === 'changed' ? `the math of metric '${name}' it uses` : `metric '${name}'${verb} in the formula`;
    case 'dimension':
      return `dimension '${name}'${verb}`;
    case 'source':
    case 'unit':
    case 'direction':
      return `the ${aspect} (${value(change.from)} → ${value(change.to)})`;
    case 'sample':
    case 'interval':
      return `the ${aspect}`;
    case 'math':
      return 'the normalised math';
    case 'status':
      return `the status (${value(change.from)} → ${value(change.to)})`;
    case 'approvers':
      return 'the approvers';
    case 'changelog':
      return `changelog entry ${name}${verb}`;
    case 'description':
      return 'the description, name or other text';
  }
}

/** The changes that need a version bump, in a list for a sentence. */
export function describeBumpReasons(changes: readonly Change[], kind?: 'major' | 'minor'): string {
  const reasons = changes.filter((c) => (kind ? c.bump === kind : c.bump !== 'none')).map(describeChange);
  return reasons.length <= 1 ? (reasons[0] ?? '') : `${reasons.slice(0, -1).join(', ')} and ${reasons.at(-1)}`;
}
