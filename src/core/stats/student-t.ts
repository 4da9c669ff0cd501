import { logBeta, regularizedIncompleteBeta } from './incomplete-beta.js';
import { normalCdf, normalQuantile } from './normal-distribution.js';

/**
 * Student's t distribution for any df > 0 (Welch tests give fractional df).
 * Both functions work with the upper tail P(T > |t|) = ½·I_x(df/2, ½),
 * x = df / (df + t²), which keeps small tail probabilities precise.
 */

/**
 * Beyond this many degrees of freedom the continued fraction converges too
 * slowly to stay precise, and the normal approximation with Fisher's
 * correction, Φ(t(1 − 1/4df) / √(1 + t²/2df)), is already accurate to
 * O(1/df²) < 1e-11 (the same switch R's pt makes).
 */
const LARGE_DF = 4e5;

function largeDfZ(t: number, df: number): number {
  const v = 1 / (4 * df);
  return (t * (1 - v)) / Math.sqrt(1 + 2 * t * t * v);
}

/** Inverse of largeDfZ for t ≥ 0. */
function largeDfT(z: number, df: number): number {
  const v = 1 / (4 * df);
  return z / Math.sqrt((1 - v) * (1 - v) - 2 * z * z * v);
}

function upperTail(t: number, df: number): number {
  if (df > LARGE_DF) return normalCdf(-largeDfZ(t, df));
  const ratio = (t * t) / df;
  const x = 1 / (1 + ratio);
  const y = ratio / (1 + ratio);
  return 0.5 * regularizedIncompleteBeta(x, Number.isFinite(ratio) ? y : 1, df / 2, 0.5);
}

function density(t: number, df: number): number {
  return Math.exp(-logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** P(T ≤ t) for T ~ Student t with df degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || df <= 0) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t);
  if (t === 0) return 0.5;
  const tail = upperTail(Math.abs(t), df);
  return t > 0 ? 1 - tail : tail;
}

/** Cornish–Fisher expansion of t around the normal quantile: a close first guess for Newton. */
function initialGuess(tail: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * tail);
  if (df === 2) return (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail));
  const z = -normalQuantile(tail);
  const z2 = z * z;
  const guess =
    z + (z * (z2 + 1)) / (4 * df) + (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df * df) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * df * df * df);
  return guess > 0 && Number.isFinite(guess) ? guess : z;
}

/**
 * The t with P(T ≤ t) = p. Solves upperTail(t) = min(p, 1 − p) by Newton's
 * method inside a bisection bracket, so it always converges; the result is
 * accurate to about 1e-14 relative.
 */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || df <= 0 || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p);
  const tail = p < 0.5 ? p : 1 - p;
  if (df > LARGE_DF) {
    const t = largeDfT(-normalQuantile(tail), df);
    return p < 0.5 ? -t : t;
  }
  let t = initialGuess(tail, df);
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 200; i++) {
    const f = upperTail(t, df) - tail;
    if (f === 0) break;
    // upperTail decreases in t: a positive f means the root lies above t.
    if (f > 0) lo = t;
    else hi = t;
    let next = t + f / density(t, df);
    if (!(next > lo && next < hi)) next = hi === Number.POSITIVE_INFINITY ? 2 * lo + 1 : (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.abs(next)) {
      t = next;
      break;
    }
    t = next;
  }
  return p < 0.5 ? -t : t;
}
