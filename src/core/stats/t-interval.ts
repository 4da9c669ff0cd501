import { studentTQuantile } from './student-t.js';

/**
 * Confidence interval for a mean (e.g. CES or CSAT on a 1–7 scale) from its
 * sample mean and sample standard deviation: mean ± t(df = n − 1) · sd / √n.
 * Null when n < 2, where no spread can be estimated.
 */
export function tInterval(mean: number, sd: number, n: number, level = 0.95): [number, number] | null {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1, got ${level}`);
  if (!(n >= 2)) return null;
  const half = (studentTQuantile((1 + level) / 2, n - 1) * sd) / Math.sqrt(n);
  return [mean - half, mean + half];
}
