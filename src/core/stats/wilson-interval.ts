import { Z95 } from './normal-distribution.js';

export function checkProportionCounts(successes: number, n: number): void {
  if (!(n >= 0) || !(successes >= 0) || successes > n) {
    throw new RangeError(`need 0 <= successes <= n, got ${successes} of ${n}`);
  }
}

/**
 * Wilson score interval for a proportion (e.g. CSAT or FCR as a share of
 * responses). Unlike the textbook p ± z·SE interval it stays inside [0, 1] and
 * keeps its coverage at 0% and 100% and for small n. Null when n = 0.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z95): [number, number] | null {
  checkProportionCounts(successes, n);
  if (n === 0) return null;
  const p = successes / n;
  const z2n = (z * z) / n;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}
