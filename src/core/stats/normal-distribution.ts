/**
 * The standard normal distribution without dependencies.
 *
 * normalCdf is W. J. Cody's rational Chebyshev approximation (ACM TOMS
 * Algorithm 715, the method behind R's pnorm): near full double precision in
 * three ranges, and relative (not just absolute) accuracy in the far tails, so
 * tiny p-values stay meaningful.
 */

/** Two-sided 95% critical value of the standard normal, Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
const SQRT_32 = 5.656854249492380195206754896838;

/** exp(-y²/2) split as in Cody's code, so the square does not lose digits for large y. */
function gaussianFactor(y: number): number {
  const ySquaredApprox = Math.trunc(y * 16) / 16;
  const rest = (y - ySquaredApprox) * (y + ySquaredApprox);
  return Math.exp(-ySquaredApprox * ySquaredApprox * 0.5) * Math.exp(-rest * 0.5);
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const y = Math.abs(z);
  if (y <= 0.67448975) {
    const zz = z * z;
    let num = A[4]! * zz;
    let den = zz;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]!) * zz;
      den = (den + B[i]!) * zz;
    }
    return 0.5 + (z * (num + A[3]!)) / (den + B[3]!);
  }
  let smallTail: number;
  if (y <= SQRT_32) {
    let num = C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    smallTail = (gaussianFactor(y) * (num + C[7]!)) / (den + D[7]!);
  } else if (y < 40) {
    const inv = 1 / (y * y);
    let num = P[5]! * inv;
    let den = inv;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]!) * inv;
      den = (den + Q[i]!) * inv;
    }
    const ratio = (inv * (num + P[4]!)) / (den + Q[4]!);
    smallTail = (gaussianFactor(y) * (ONE_OVER_SQRT_2PI - ratio)) / y;
  } else {
    smallTail = 0;
  }
  return z > 0 ? 1 - smallTail : smallTail;
}

export function normalPdf(z: number): number {
  return ONE_OVER_SQRT_2PI * Math.exp(-0.5 * z * z);
}

// Acklam's rational approximation (relative error about 1e-9), then polished
// with Halley steps against normalCdf to full precision.
const QA = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const QB = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const QC = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const QD = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function acklam(p: number): number {
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    const x =
      (((((QC[0]! * q + QC[1]!) * q + QC[2]!) * q + QC[3]!) * q + QC[4]!) * q + QC[5]!) /
      ((((QD[0]! * q + QD[1]!) * q + QD[2]!) * q + QD[3]!) * q + 1);
    return p < P_LOW ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((QA[0]! * r + QA[1]!) * r + QA[2]!) * r + QA[3]!) * r + QA[4]!) * r + QA[5]!) * q) /
    (((((QB[0]! * r + QB[1]!) * r + QB[2]!) * r + QB[3]!) * r + QB[4]!) * r + 1)
  );
}

/** Φ⁻¹(p): the z with P(Z ≤ z) = p. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p > 0.5) return -normalQuantile(1 - p);
  let x = acklam(p);
  for (let i = 0; i < 2; i++) {
    const e = normalCdf(x) - p;
    const u = e / normalPdf(x);
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}
