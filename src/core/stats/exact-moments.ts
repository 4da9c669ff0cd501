import { EXACT_SQUARE_LIMIT, ExactSum, productError, type ExactSumState } from './exact-sum.js';

/** ExactMoments as plain data (structured-cloneable): s2 is the exact Σx². */
export interface ExactMomentsState {
  readonly n: number;
  readonly s1: ExactSumState;
  readonly s2: ExactSumState;
}

const EXACT_INTEGER = 2 ** 53;

/**
 * Count, mean and sample variance from the exact sums of x and of x² (ExactSum). The variance
 * is n·Σx² − (Σx)² worked out exactly, then divided: no cancellation, even for values with a
 * large mean and a small spread, where that formula in floating point loses every digit. Since
 * the exact sums do not depend on the order of the values, nor on how they were split into
 * parts that were merged, neither do the mean, the variance and the sd, bit for bit (unless a
 * running sum overflows: see ExactSum).
 *
 * Exact, that is, but at the ends of the range of doubles: below about 1e-146 a square's
 * rounding error underflows, and from 2^512 (about 1.3e154) the square itself is infinite,
 * which makes the variance NaN, as does any value that is not finite. n·Σx² past the largest
 * double (values of about 1e147 for 10 million of them) makes it Infinity or NaN. These do not
 * depend on the order either.
 */
export class ExactMoments {
  // Fields private to TypeScript, not `#`: V8's bytecode for them is shorter, and add() must
  // stay within its inlining budget.
  private count = 0;
  /**
   * While every value is an integer of magnitude below 2^26 (scores, counts), Σx and Σx² are
   * integers, exact in one double each below 2^53: two adds a value, on a path of its own (its
   * cost does not depend on what other averages of the run take).
   */
  private integers = true;
  private integerSum = 0;
  private integerSquares = 0;
  private readonly s1 = new ExactSum();
  /** Σx² is Σ fl(x²) plus the Σ of their rounding errors, kept apart: their scales differ by 2^53. */
  private readonly squares = new ExactSum();
  private readonly squareErrors = new ExactSum();

  add(x: number): void {
    this.count++;
    if (this.integers) {
      if ((x | 0) === x && x < EXACT_SQUARE_LIMIT && x > -EXACT_SQUARE_LIMIT) {
        const sum = this.integerSum + x;
        const squares = this.integerSquares + x * x;
        // Sums of integers are exact below 2^53, and one that reached it is at least 2^53.
        if (squares < EXACT_INTEGER && sum < EXACT_INTEGER && sum > -EXACT_INTEGER) {
          this.integerSum = sum;
          this.integerSquares = squares;
          return;
        }
      }
      this.endIntegers();
    }
    this.addToSums(x);
  }

  /** From now on the sums below take every value, the integers' sums included. */
  private endIntegers(): void {
    this.integers = false;
    this.s1.add(this.integerSum);
    this.squares.add(this.integerSquares);
    this.integerSum = 0;
    this.integerSquares = 0;
  }

  /** A method of its own, to keep the integers' path short (and the same whatever V8 inlines here). */
  private addToSums(x: number): void {
    this.s1.add(x);
    this.squares.addSquareOf(x);
    this.squareErrors.addSquareErrorOf(x);
  }

  merge(other: ExactMoments): void {
    this.addState(other.state());
  }

  state(): ExactMomentsState {
    const s1 = new ExactSum();
    s1.merge(this.s1);
    s1.add(this.integerSum);
    const s2 = new ExactSum();
    s2.merge(this.squares);
    s2.merge(this.squareErrors);
    s2.add(this.integerSquares);
    return { n: this.count, s1: s1.state(), s2: s2.state() };
  }

  addState(state: ExactMomentsState): void {
    this.count += state.n;
    this.s1.addState(state.s1);
    this.squares.addState(state.s2);
  }

  get n(): number {
    return this.count;
  }

  /** Σx, rounded once. */
  get sum(): number {
    const sum = new ExactSum();
    sum.merge(this.s1);
    sum.add(this.integerSum);
    return sum.value();
  }

  /** NaN when empty. */
  get mean(): number {
    return this.count === 0 ? Number.NaN : this.sum / this.count;
  }

  /** Sample variance (divisor n − 1); NaN when n < 2 or a value was not finite. */
  get variance(): number {
    const n = this.count;
    if (n < 2) return Number.NaN;
    const { s1, s2 } = this.state();
    if (s1.special !== 0 || s2.special !== 0 || s1.overflow !== 0 || s2.overflow !== 0) return Number.NaN;
    // T = n·Σx² − (Σx)², each product added as its rounded value and its exact error. The
    // terms are the sums' canonical expansions, so that even a product whose error underflows
    // comes out the same whatever partials held the sums.
    const a = canonicalTerms(s1);
    const t = new ExactSum();
    for (const p of canonicalTerms(s2)) addProduct(t, n, p);
    for (const x of a) for (const y of a) addProduct(t, -x, y);
    // T ≥ 0 exactly; only an underflowed product could leave it a hair below.
    return Math.max(0, t.value()) / n / (n - 1);
  }

  /** Sample standard deviation (divisor n − 1); NaN when n < 2. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }
}

/**
 * A finite exact sum as doubles that depend on its value only: the sum rounded, then what is
 * left rounded, until nothing is left (a few terms; the partials of a sum depend on the order
 * its values came in).
 */
function canonicalTerms(state: ExactSumState): number[] {
  const rest = new ExactSum();
  rest.addState(state);
  const terms: number[] = [];
  for (let term = rest.value(); term !== 0; term = rest.value()) {
    terms.push(term);
    rest.add(-term);
  }
  return terms;
}

/** Adds a · b to `sum` exactly (but for underflow and overflow). */
function addProduct(sum: ExactSum, a: number, b: number): void {
  const p = a * b;
  sum.add(p);
  sum.add(productError(a, b, p));
}
