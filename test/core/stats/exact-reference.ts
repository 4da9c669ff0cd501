/**
 * Exact references for ExactSum and ExactMoments: every double is m · 2^e with integers m and
 * e ≥ −1074, so m · 2^(e + 1074) is an exact integer (a BigInt) and sums of them are exact.
 */

/** x · 2^1074 as an exact BigInt (x finite). */
export function scaled(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const exponent = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const shift = BigInt(Math.max(exponent, 1) - 1);
  const magnitude = mantissa << shift;
  return high >>> 31 === 1 ? -magnitude : magnitude;
}

/** n / 2^power rounded to the nearest double, ties to even (Infinity past the largest double). */
export function roundScaled(n: bigint, power: number): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  const bits = magnitude.toString(2).length;
  // 53 significant bits, but no bits below 2^-1074 (subnormal results keep fewer).
  const drop = Math.max(bits - 53, power - 1074, 0);
  let kept = magnitude >> BigInt(drop);
  if (drop > 0) {
    const rest = magnitude - (kept << BigInt(drop));
    const half = 1n << BigInt(drop - 1);
    if (rest > half || (rest === half && (kept & 1n) === 1n)) kept += 1n;
  }
  // kept < 2^54 is exact as a Number; the power of two is applied in two exact steps.
  const exponent = drop - power;
  const value = Number(kept) * 2 ** Math.max(exponent, -1000) * 2 ** Math.min(exponent + 1000, 0);
  return negative ? -value : value;
}

/** The exact sum of finite doubles, rounded once. */
export function exactSum(values: readonly number[]): number {
  return roundScaled(
    values.reduce((sum, x) => sum + scaled(x), 0n),
    1074,
  );
}

/** The sample variance of finite doubles worked out exactly, then rounded once; NaN when n < 2. */
export function exactVariance(values: readonly number[]): number {
  const n = BigInt(values.length);
  if (n < 2n) return Number.NaN;
  const s1 = values.reduce((sum, x) => sum + scaled(x), 0n);
  const s2 = values.reduce((sum, x) => sum + scaled(x) * scaled(x), 0n);
  // (n·Σx² − (Σx)²) / (n(n − 1)), with x scaled by 2^1074: the numerator by 2^2148.
  const numerator = n * s2 - s1 * s1;
  const denominator = n * (n - 1n);
  // 80 bits of quotient besides the power of two: the rounding of the last ones does not matter.
  const extra = 80 + denominator.toString(2).length;
  return roundScaled((numerator << BigInt(extra)) / denominator, 2148 + extra);
}

/** The values in an order drawn from `seed` (Fisher–Yates with mulberry32). */
export function shuffled<T>(values: readonly T[], seed: number): T[] {
  const out = [...values];
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
