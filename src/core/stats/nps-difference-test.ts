import { type NpsCounts, npsScore, npsStandardError } from './nps-interval.js';
import { twoSidedNormalP } from './two-sided-p.js';

export interface NpsDifference {
  /** NPS(a) − NPS(b), in points. */
  difference: number;
  /** Standard error of the difference, in points. */
  se: number;
  z: number;
  /** Two-sided p-value. */
  p: number;
}

/**
 * Is the change in NPS between two independent samples (e.g. this quarter `a`
 * and last quarter `b`) larger than sampling noise? A z-test on the
 * difference, with each NPS's own trinomial variance. Null when either sample
 * is empty or both have zero variance (nothing to test against).
 */
export function npsDifferenceTest(a: NpsCounts, b: NpsCounts): NpsDifference | null {
  const seA = npsStandardError(a.promoters, a.detractors, a.n);
  const seB = npsStandardError(b.promoters, b.detractors, b.n);
  if (seA === null || seB === null) return null;
  const se = Math.sqrt(seA * seA + seB * seB);
  if (se === 0) return null;
  const difference = npsScore(a.promoters, a.detractors, a.n)! - npsScore(b.promoters, b.detractors, b.n)!;
  const z = difference / se;
  return { difference, se, z, p: twoSidedNormalP(z) };
}
