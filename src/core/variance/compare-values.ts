import type { Direction } from '../library/types.js';

export interface Tolerance {
  readonly absolute?: number;
  readonly relative?: number;
}

export interface Variance {
  readonly variance: number | null;
  readonly variance_pct: number | null;
  readonly favourable: boolean | null;
  readonly beyond_tolerance: boolean | null;
}

/**
 * Actual against a comparator. The variance is in the metric's unit (percentage
 * points for percent metrics); the relative variance is a fraction of the
 * comparator's size. Favourable follows the metric's direction.
 */
export function compareValues(actual: number | null, comparator: number | null, direction: Direction, tolerance: Tolerance | undefined): Variance {
  if (actual === null || comparator === null) return { variance: null, variance_pct: null, favourable: null, beyond_tolerance: null };
  const variance = actual - comparator;
  const variance_pct = comparator === 0 ? null : variance / Math.abs(comparator);
  const favourable = variance === 0 ? null : direction === 'higher' ? variance > 0 : variance < 0;
  let beyond: boolean | null = null;
  if (tolerance && (tolerance.absolute !== undefined || tolerance.relative !== undefined)) {
    beyond = false;
    if (tolerance.absolute !== undefined && Math.abs(variance) > tolerance.absolute) beyond = true;
    if (tolerance.relative !== undefined && variance_pct !== null && Math.abs(variance_pct) > tolerance.relative) beyond = true;
  }
  return { variance, variance_pct, favourable, beyond_tolerance: beyond };
}
