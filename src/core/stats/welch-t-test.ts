import { twoSidedStudentP } from './two-sided-p.js';

export interface SampleSummary {
  readonly mean: number;
  /** Sample standard deviation (divisor n − 1). */
  readonly sd: number;
  readonly n: number;
}

export interface MeanDifference {
  /** mean(a) − mean(b). */
  difference: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom (usually fractional). */
  df: number;
  /** Two-sided p-value. */
  p: number;
}

/**
 * Welch's t-test for a change in a mean score between two independent
 * samples. It does not assume equal variances, which two periods of survey
 * data rarely have. Null when either sample has fewer than two values or both
 * have zero spread.
 */
export function welchTTest(a: SampleSummary, b: SampleSummary): MeanDifference | null {
  if (!(a.n >= 2) || !(b.n >= 2)) return null;
  const varA = (a.sd * a.sd) / a.n;
  const varB = (b.sd * b.sd) / b.n;
  const se2 = varA + varB;
  if (!(se2 > 0)) return null;
  const difference = a.mean - b.mean;
  const t = difference / Math.sqrt(se2);
  const df = (se2 * se2) / ((varA * varA) / (a.n - 1) + (varB * varB) / (b.n - 1));
  return { difference, t, df, p: twoSidedStudentP(t, df) };
}
