/** An ExactSum as plain data (structured-cloneable). */
export interface ExactSumState {
  /** fsum partials: their exact sum is that of the finite values. */
  readonly partials: Float64Array;
  /** The sum of the non-finite values: 0 when there were none. */
  readonly special: number;
  /** The sum of running totals of finite values that overflowed: 0 when none did. */
  readonly overflow: number;
}

/**
 * How a value reaches addScratchToLevels, and where a double's exponent is read. V8 boxes a
 * double passed to a call it does not inline (an allocation a value), and ExactMoments.add
 * holds more code than V8's inlining budget takes: so no call on the way of a value takes a
 * double worked out on the way (a square, its error) as an argument.
 */
const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
/** The index in scratchWords of the word holding the sign and the exponent (1 on little-endian hosts). */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Additions to the levels between two flushes into the partials (see ExactSum). */
const FLUSH_EVERY = 1024;
/**
 * A value x with 2^e ≤ |x| < 2^(e+1) that does not fit the grid sets its first level's unit to
 * 2^(e − 37): the grid then takes values up to 2^(e+5), 16 times |x|. Exponents outside
 * [GRID_MIN_EXPONENT, GRID_MAX_EXPONENT] keep every constant of the grid a normal double.
 */
const GRID_SHIFT = 37;
const GRID_MIN_EXPONENT = -899;
const GRID_MAX_EXPONENT = 1007;
const EMPTY = new Float64Array(0);
/** Veltkamp's splitter, 2^27 + 1: cuts a double into two halves of 26 bits. */
const SPLITTER = 134217729;
/** From this magnitude up, SPLITTER · x overflows: the split, and so the exact product, fail. */
const SPLIT_LIMIT = 2 ** 996;
/** Integers below this magnitude have exact squares (below 2^52). */
export const EXACT_SQUARE_LIMIT = 2 ** 26;

/**
 * The exact sum of the doubles added, rounded once to the nearest double (ties to even), as
 * CPython's `math.fsum` (Modules/mathmodule.c) gives it: the result is the same whatever order
 * the values came in and however they were split into sums that were merged.
 *
 * The exact sum is kept in three stores, each exact:
 * - `fast`, one double, while every addition to it is exact (integers, mostly): one add and
 *   two checks a value. The first inexact addition ends it for good.
 * - three levels on a grid of powers of two. `(x + c) − c`, with c = 1.5 · 2^52 units, rounds
 *   x to a multiple of the unit exactly when |x| ≤ 2^51 units, and x minus that is exact too.
 *   A value is cut into its part in units of the first level, the rest's part in units of the
 *   second (2^-43 of the first), and that rest's part in units of the third (2^-86); each level
 *   sums its parts in one double. A value is at most 2^42 units of the first level and each rest
 *   at most 2^42 units of the next, so 1024 parts sum to less than 2^53 units: exactly. Then the
 *   levels are flushed into the partials. A value larger than the grid (2^42 units of the first
 *   level) takes it: the levels are flushed and the grid set 16 times above the value. Bits of
 *   a value more than 2^128 below the grid's top go to the partials.
 * - Shewchuk's non-overlapping partials, exactly fsum's loop: flushes, those bits, values out of
 *   the grid's range (below 2^-899 or from 2^1008) and states merged in. A running sum of
 *   partials alone costs one step per partial a value, and sums of decimals such as 12.34
 *   keep 6 to 12 of them.
 * `value()` adds the stores into a copy of the partials and rounds as fsum does.
 *
 * Non-finite values are summed apart (`special`), as fsum does: Infinity and −Infinity together
 * give NaN, NaN stays NaN, which does not depend on the order either. fsum raises when its
 * running total of finite values passes the largest double (±1.8e308); here that infinite total
 * is kept apart (`overflow`) and the partials are dropped, so only then may the result depend
 * on the order (±Infinity or NaN where the exact sum may be finite). That takes running totals
 * near ±1.8e308.
 */
export class ExactSum {
  private fast = 0;
  private fastOnly = true;
  /** Level sums, in units of 2^b, 2^(b−43) and 2^(b−86). */
  private high = 0;
  private middle = 0;
  private low = 0;
  /** The grid: values up to `bound`, 2^(b+42), go to the levels (−1: no grid yet); 1.5 · 2^52 units of each level. */
  private bound = -1;
  private highSplit = 0;
  private middleSplit = 0;
  private lowSplit = 0;
  private levelAdds = 0;
  /** Non-overlapping, in increasing magnitude; only the first `size` are in use. */
  private partials = EMPTY;
  private size = 0;
  /** See ExactSumState. */
  private special = 0;
  private overflow = 0;

  add(x: number): void {
    if (this.fastOnly) {
      const a = this.fast;
      const s = a + x;
      // s = a + x exactly iff both differences give the operands back: if not, the one taken
      // from the larger operand is exact (Sterbenz) and so differs from the other operand.
      if (s - a === x && s - x === a) {
        this.fast = s;
        return;
      }
    }
    this.addToLevels(x);
  }

  /** Past the fast sum: a method of its own, so that the fast path stays short whatever V8 inlines. */
  private addToLevels(x: number): void {
    this.fastOnly = false;
    scratch[0] = x;
    this.addScratchToLevels();
  }

  /**
   * Adds x², rounded to a double: with addSquareErrorOf(x) on another sum, x² exactly (Σx² keeps
   * the rounded squares and their errors in two sums: their scales differ by 2^53). Both take
   * x, not a double worked out by the caller (see `scratch`).
   */
  addSquareOf(x: number): void {
    const square = x * x;
    if (this.fastOnly) {
      const a = this.fast;
      const s = a + square;
      if (s - a === square && s - square === a) {
        this.fast = s;
        return;
      }
      this.fastOnly = false;
    }
    scratch[0] = square;
    this.addScratchToLevels();
  }

  /**
   * Adds x² − fl(x²), the rounding error of x · x (Dekker's TwoProduct). Nothing for small
   * integers, whose squares are exact, nor from 2^996 up, where the split overflows (the
   * square is infinite anyway).
   */
  addSquareErrorOf(x: number): void {
    if (((x | 0) === x && x < EXACT_SQUARE_LIMIT && x > -EXACT_SQUARE_LIMIT) || !(Math.abs(x) < SPLIT_LIMIT)) return;
    const square = x * x;
    const c = SPLITTER * x;
    const high = c - (c - x);
    const low = x - high;
    const error = low * low - (square - high * high - (high + high) * low);
    if (error === 0) return;
    this.fastOnly = false;
    scratch[0] = error;
    this.addScratchToLevels();
  }

  /** Adds the value in `scratch[0]` to the levels (see the class comment). */
  private addScratchToLevels(): void {
    const x = scratch[0]!;
    if (!(Math.abs(x) <= this.bound) && !this.takeGrid(x)) return;
    let c = this.highSplit;
    const high = x + c - c;
    const rest = x - high;
    c = this.middleSplit;
    const middle = rest + c - c;
    const below = rest - middle;
    this.high += high;
    this.middle += middle;
    if (below !== 0) this.addBelowMiddle(below);
    if (++this.levelAdds === FLUSH_EVERY) this.flushLevels();
  }

  /** The third level, for values whose bits reach 2^86 units below the first level's. */
  private addBelowMiddle(rest: number): void {
    const c = this.lowSplit;
    const low = rest + c - c;
    this.low += low;
    if (rest !== low) ExactSum.addToPartials(this, rest - low);
  }

  /**
   * A value the grid does not take: zero (nothing to add), a non-finite one or one out of the
   * grid's range (added to the partials, false), or a larger one: the levels are flushed and the
   * grid is set for it (true: add it to the levels).
   */
  private takeGrid(x: number): boolean {
    if (x === 0) return false;
    scratch[0] = x;
    const e = ((scratchWords[HIGH_WORD]! >>> 20) & 0x7ff) - 1023;
    if (e < GRID_MIN_EXPONENT || e > GRID_MAX_EXPONENT) {
      ExactSum.addToPartials(this, x);
      return false;
    }
    this.flushLevels();
    const b = e - GRID_SHIFT;
    this.bound = 2 ** (b + 42);
    this.highSplit = 1.5 * 2 ** (b + 52);
    this.middleSplit = 1.5 * 2 ** (b + 9);
    this.lowSplit = 1.5 * 2 ** (b - 34);
    return true;
  }

  private flushLevels(): void {
    ExactSum.addToPartials(this, this.high);
    ExactSum.addToPartials(this, this.middle);
    ExactSum.addToPartials(this, this.low);
    this.high = 0;
    this.middle = 0;
    this.low = 0;
    this.levelAdds = 0;
  }

  /** Every store as fsum partials, in a new ExactSum: the exact sum of every value added. */
  private collected(): ExactSum {
    const all = new ExactSum();
    all.partials = this.partials.slice();
    all.size = this.size;
    all.special = this.special;
    all.overflow = this.overflow;
    for (const x of [this.fast, this.high, this.middle, this.low]) ExactSum.addToPartials(all, x);
    return all;
  }

  /** The exact sum rounded to the nearest double, ties to even. */
  value(): number {
    if (this.fastOnly && this.size === 0 && this.special === 0 && this.overflow === 0) return this.fast;
    return ExactSum.roundPartials(this.collected());
  }

  /** The sum as fsum partials, in an array of its own: safe to send or transfer. */
  state(): ExactSumState {
    const all = this.collected();
    return { partials: all.partials.slice(0, all.size), special: all.special, overflow: all.overflow };
  }

  /** Adds another sum given as its state: exact, so merging in any order gives the same value. */
  addState(state: ExactSumState): void {
    for (const partial of state.partials) ExactSum.addToPartials(this, partial);
    this.special += state.special;
    this.overflow += state.overflow;
  }

  merge(other: ExactSum): void {
    this.addState(other.state());
  }

  /**
   * fsum's loop: the rounding error of each partial sum becomes a partial, the last sum the
   * largest one. Static, to reach the private fields of any ExactSum.
   */
  private static addToPartials(sum: ExactSum, value: number): void {
    if (value === 0) return;
    let x = value;
    let p = sum.partials;
    let kept = 0;
    for (let j = 0; j < sum.size; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[kept++] = lo;
      x = hi;
    }
    sum.size = kept;
    if (x === 0) return;
    if (x - x !== 0) {
      // A non-finite value, or finite ones whose total overflowed: the partials no longer matter.
      if (Number.isFinite(value)) sum.overflow += x;
      else sum.special += value;
      sum.size = 0;
      return;
    }
    if (kept === p.length) {
      p = new Float64Array(Math.max(4, p.length * 2));
      p.set(sum.partials);
      sum.partials = p;
    }
    p[sum.size++] = x;
  }

  /**
   * fsum's final rounding. Summing the partials from the largest down stops at the first
   * inexact step; the last step corrects a tie that the partials below break (1e-16, 1, 1e16
   * rounds up to 10000000000000002, not down), so the rounding does not depend on how the
   * exact sum happens to be split into partials.
   */
  private static roundPartials(sum: ExactSum): number {
    if (sum.special !== 0) return sum.special; // NaN !== 0 too
    if (sum.overflow !== 0) return sum.overflow;
    const p = sum.partials;
    let n = sum.size;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}

/**
 * The rounding error of the product a · b, given p = fl(a · b): a · b = p + error exactly
 * (Dekker's TwoProduct, with Veltkamp's split). 0 when a factor is too large to split
 * (|a| ≥ 2^996), where the product is inexact anyway; the error is itself inexact when it
 * underflows (below about 2^-1022, so for products below about 2^-969).
 */
export function productError(a: number, b: number, p: number): number {
  if (!(Math.abs(a) < SPLIT_LIMIT && Math.abs(b) < SPLIT_LIMIT)) return 0;
  const c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  const d = SPLITTER * b;
  const bh = d - (d - b);
  const bl = b - bh;
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}
