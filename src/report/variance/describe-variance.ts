import type { VarianceMetric } from './variance-report.js';

export function formatPercent(fraction: number | null): string {
  if (fraction === null) return '—';
  return `${fraction > 0 ? '+' : fraction < 0 ? '−' : '±'}${Math.abs(fraction * 100).toFixed(1)}%`;
}

/** "unfavourable, beyond tolerance" — the words a controller reads first. */
export function describeVerdict(m: VarianceMetric): string {
  if (m.variance === null) return 'no comparison';
  const side = m.favourable === null ? 'on the mark' : m.favourable ? 'favourable' : 'unfavourable';
  if (m.beyond_tolerance === null) return side;
  return `${side}, ${m.beyond_tolerance ? 'beyond tolerance' : 'within tolerance'}`;
}
