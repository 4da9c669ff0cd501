/**
 * The regularized incomplete beta function I_x(a, b), which gives the
 * Student t distribution. Evaluated by the continued fraction of Numerical
 * Recipes §6.4 (modified Lentz), with log-beta computed so that large degrees
 * of freedom (a = df/2 in the millions) keep full precision.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.91893853320467274178;

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Stirling's correction: ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], for x ≥ 10. */
function stirlingCorrection(x: number): number {
  const r = 1 / (x * x);
  return (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r * (1 / 1680 - r * (1 / 1188 - r * (691 / 360_360 - r / 156)))))) / x;
}

/**
 * ln B(a, b). When an argument is large, ln Γ(a) and ln Γ(a + b) are huge
 * and nearly equal; subtracting them would throw away digits, so their
 * difference is expanded analytically instead.
 */
export function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (large < 10) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const sum = a + b;
  const correction = stirlingCorrection(large) - stirlingCorrection(sum);
  if (small < 10) {
    return (
      logGamma(small) + (large - 0.5) * Math.log1p(-small / sum) - small * Math.log(sum) + small + correction
    );
  }
  return (
    HALF_LOG_2PI - 0.5 * Math.log(large) + (small - 0.5) * Math.log(small / sum) + large * Math.log1p(-small / sum) +
    stirlingCorrection(small) + correction
  );
}

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return h;
  }
  return h;
}

/**
 * I_x(a, b) with `y` = 1 − x supplied by the caller, who can usually compute
 * it without the cancellation that 1 − x would suffer.
 */
export function regularizedIncompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = a * (x < 0.5 ? Math.log(x) : Math.log1p(-y)) + b * (y < 0.5 ? Math.log(y) : Math.log1p(-x)) - logBeta(a, b);
  const front = Math.exp(logFront);
  // The fraction converges quickly only on this side of the mean; use symmetry on the other.
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
  return 1 - (front * continuedFraction(y, b, a)) / b;
}
