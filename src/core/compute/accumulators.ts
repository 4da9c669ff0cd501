import type { Aggregate } from '../library/types.js';
import { MomentAccumulator } from '../stats/index.js';
import type { Scalar } from '../expression/runtime.js';
import { doubled, takeBuffer } from './spare-buffers.js';

/** State of one measure over the rows seen so far; `value` is its result (null: no rows). */
export interface Accumulator {
  add(value: Scalar): void;
  value(): number | null;
}

class CountRows implements Accumulator {
  n = 0;
  add(): void {
    this.n++;
  }
  value(): number {
    return this.n;
  }
}

class CountValues implements Accumulator {
  n = 0;
  add(value: Scalar): void {
    if (value !== null) this.n++;
  }
  value(): number {
    return this.n;
  }
}

/** Distinct values are kept in a set: memory grows with the number of distinct values. */
class CountDistinct implements Accumulator {
  readonly seen = new Set<Scalar>();
  add(value: Scalar): void {
    if (value !== null) this.seen.add(value);
  }
  value(): number {
    return this.seen.size;
  }
}

/** Neumaier-compensated sum, so that currency totals do not drift over millions of rows. */
class Sum implements Accumulator {
  n = 0;
  sum = 0;
  compensation = 0;
  add(value: Scalar): void {
    if (value === null) return;
    const x = value as number;
    const t = this.sum + x;
    this.compensation += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
    this.n++;
  }
  value(): number | null {
    return this.n === 0 ? null : this.sum + this.compensation;
  }
}

/**
 * The mean is a compensated sum divided by n, so it does not depend on the order of
 * the rows; the moments (Welford) give the standard deviation for intervals and tests.
 */
export class Average implements Accumulator {
  readonly moments = new MomentAccumulator();
  private readonly sum = new Sum();
  add(value: Scalar): void {
    if (value === null) return;
    this.moments.add(value as number);
    this.sum.add(value);
  }
  value(): number | null {
    const total = this.sum.value();
    return total === null ? null : total / this.sum.n;
  }
}

class Extreme implements Accumulator {
  best: number | null = null;
  constructor(private readonly larger: boolean) {}
  add(value: Scalar): void {
    if (value === null) return;
    const x = value as number;
    if (this.best === null || (this.larger ? x > this.best : x < this.best)) this.best = x;
  }
  value(): number | null {
    return this.best;
  }
}

/**
 * Exact quantiles keep every value (8 bytes each) and sort once at the end; the
 * interpolation is linear between closest ranks (as Excel's PERCENTILE.INC and
 * DuckDB's quantile_cont).
 */
/** Values kept in file order in a buffer that doubles when full: 8 bytes a value. */
abstract class ValueBuffer {
  values = new Float64Array(takeBuffer(8192));
  n = 0;
  add(value: Scalar): void {
    if (value === null) return;
    if (this.n === this.values.length) this.values = doubled(this.values, (buffer) => new Float64Array(buffer));
    this.values[this.n++] = value as number;
  }
}

class Quantile extends ValueBuffer implements Accumulator {
  constructor(private readonly p: number) {
    super();
  }
  value(): number | null {
    if (this.n === 0) return null;
    const sorted = this.values.subarray(0, this.n).sort();
    const rank = this.p * (this.n - 1);
    const lower = Math.floor(rank);
    const upper = Math.min(lower + 1, this.n - 1);
    return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
  }
}

/**
 * Stands in for a sum or an average in a reader whose state is merged later (a parallel
 * chunk): it keeps the values in file order, and the merge adds them one by one to the real
 * accumulator, so compensated sums and Welford moments come out bit for bit as in one pass.
 */
class ValueLog extends ValueBuffer implements Accumulator {
  value(): number | null {
    throw new Error('a value log is merged, not read');
  }
}

/** An accumulator's state as plain data (structured-cloneable), to merge into another one. */
export type AccumulatorState =
  | { readonly kind: 'count'; readonly n: number }
  | { readonly kind: 'distinct'; readonly values: readonly Scalar[] }
  | { readonly kind: 'replay'; readonly values: Float64Array }
  | { readonly kind: 'extreme'; readonly best: number | null };

export function accumulatorState(acc: Accumulator): AccumulatorState {
  if (acc instanceof CountRows || acc instanceof CountValues) return { kind: 'count', n: acc.n };
  if (acc instanceof CountDistinct) return { kind: 'distinct', values: [...acc.seen] };
  if (acc instanceof ValueLog || acc instanceof Quantile) return { kind: 'replay', values: acc.values.subarray(0, acc.n) };
  if (acc instanceof Extreme) return { kind: 'extreme', best: acc.best };
  throw new Error('only accumulators created with mergeable: true have a state to merge');
}

/**
 * Adds a later part of the input to `target`, which holds every earlier part: the result is
 * the one a single pass in file order gives (counts add, values replay, extremes compare).
 */
export function mergeAccumulator(target: Accumulator, state: AccumulatorState): void {
  switch (state.kind) {
    case 'count':
      (target as CountRows | CountValues).n += state.n;
      return;
    case 'extreme':
      if (state.best !== null) target.add(state.best);
      return;
    case 'distinct':
    case 'replay':
      for (const value of state.values) target.add(value);
  }
}

/** `mergeable`: sums and averages keep their values for a later merge (see ValueLog). */
export function createAccumulator(aggregate: Aggregate, hasColumn: boolean, p = 0.5, mergeable = false): Accumulator {
  if (mergeable && (aggregate === 'sum' || aggregate === 'avg')) return new ValueLog();
  switch (aggregate) {
    case 'count':
      return hasColumn ? new CountValues() : new CountRows();
    case 'count_distinct':
      return new CountDistinct();
    case 'sum':
      return new Sum();
    case 'avg':
      return new Average();
    case 'min':
      return new Extreme(false);
    case 'max':
      return new Extreme(true);
    case 'median':
      return new Quantile(0.5);
    case 'percentile':
      return new Quantile(p);
  }
}
