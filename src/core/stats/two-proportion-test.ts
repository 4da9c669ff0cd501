import { twoSidedNormalP } from './two-sided-p.js';
import { checkProportionCounts } from './wilson-interval.js';

export interface ProportionCounts {
  readonly successes: number;
  readonly n: number;
}

export interface ProportionDifference {
  /** p(a) − p(b), as a fraction. */
  difference: number;
  z: number;
  /** Two-sided p-value. */
  p: number;
}

/**
 * Pooled two-proportion z-test (e.g. CSAT or FCR rate this period `a` versus
 * last period `b`). Under the null hypothesis both rates are equal, so the
 * standard error uses the pooled rate. Null when a sample is empty or the
 * pooled rate is 0 or 1 (no variance).
 */
export function twoProportionTest(a: ProportionCounts, b: ProportionCounts): ProportionDifference | null {
  checkProportionCounts(a.successes, a.n);
  checkProportionCounts(b.successes, b.n);
  if (a.n === 0 || b.n === 0) return null;
  const pooled = (a.successes + b.successes) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  if (se === 0) return null;
  const difference = a.successes / a.n - b.successes / b.n;
  const z = difference / se;
  return { difference, z, p: twoSidedNormalP(z) };
}
