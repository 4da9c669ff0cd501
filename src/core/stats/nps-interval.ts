import { Z95 } from './normal-distribution.js';

export interface NpsCounts {
  readonly promoters: number;
  readonly detractors: number;
  readonly n: number;
}

export function checkNpsCounts(promoters: number, detractors: number, n: number): void {
  if (!(n >= 0) || !(promoters >= 0) || !(detractors >= 0) || promoters + detractors > n) {
    throw new RangeError(`need promoters + detractors <= n, got ${promoters} + ${detractors} of ${n}`);
  }
}

/** NPS in points (−100..100): 100 · (promoters − detractors) / n. Null when n = 0. */
export function npsScore(promoters: number, detractors: number, n: number): number | null {
  checkNpsCounts(promoters, detractors, n);
  return n === 0 ? null : (100 * (promoters - detractors)) / n;
}

/**
 * Standard error of NPS in points. Each response scores +1, 0 or −1, so the
 * variance of one response is p₊ + p₋ − (p₊ − p₋)² (a trinomial, not a
 * binomial: treating NPS as a single proportion overstates precision).
 */
export function npsStandardError(promoters: number, detractors: number, n: number): number | null {
  checkNpsCounts(promoters, detractors, n);
  if (n === 0) return null;
  const pPlus = promoters / n;
  const pMinus = detractors / n;
  const variance = Math.max(0, pPlus + pMinus - (pPlus - pMinus) ** 2);
  return 100 * Math.sqrt(variance / n);
}

/** NPS ± Z95 · SE in points, clamped to [−100, 100]. Null when n = 0. */
export function npsInterval(promoters: number, detractors: number, n: number): [number, number] | null {
  const se = npsStandardError(promoters, detractors, n);
  if (se === null) return null;
  const nps = (100 * (promoters - detractors)) / n;
  return [Math.max(-100, nps - Z95 * se), Math.min(100, nps + Z95 * se)];
}
