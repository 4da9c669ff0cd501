import type { Aggregate } from '../library/types.js';
import { ExactMoments, ExactSum, type ExactMomentsState, type ExactSumState } from '../stats/index.js';
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

/**
 * The exact sum, correctly rounded (ExactSum): currency totals do not drift over millions of
 * rows, and the total is the same whatever the order of the rows or the parts they were read in.
 */
class Sum implements Accumulator {
  n = 0;
  readonly total = new ExactSum();
  add(value: Scalar): void {
    if (value === null) return;
    this.total.add(value as number);
    this.n++;
  }
  value(): number | null {
    return this.n === 0 ? null : this.total.value();
  }
}

/** What a t interval or a test of a change needs of an average besides its value. */
export interface SampleSpread {
  readonly n: number;
  /** Sample standard deviation (divisor n − 1); NaN when n < 2. */
  readonly sd: number;
}

/**
 * The mean and the sd come from exact sums of x and x² (ExactMoments), so neither depends on
 * the order of the rows or on the parts they were read in; the sd gives intervals and tests.
 */
export class Average implements Accumulator {
  readonly exact = new ExactMoments();
  add(value: Scalar): void {
    if (value === null) return;
    this.exact.add(value as number);
  }
  value(): number | null {
    return this.exact.n === 0 ? null : this.exact.mean;
  }
  get moments(): SampleSpread {
    return this.exact;
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

/**
 * Exact quantiles keep every value (8 bytes each) and sort once at the end; the
 * interpolation is linear between closest ranks (as Excel's PERCENTILE.INC and
 * DuckDB's quantile_cont).
 */
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
 * An accumulator's state as plain data (structured-cloneable), to merge into another one.
 * Sums and averages send their exact partials: a few doubles each, whatever the number of rows.
 */
export type AccumulatorState =
  | { readonly kind: 'count'; readonly n: number }
  | { readonly kind: 'distinct'; readonly values: readonly Scalar[] }
  | { readonly kind: 'replay'; readonly values: Float64Array }
  | { readonly kind: 'extreme'; readonly best: number | null }
  | ({ readonly kind: 'sum'; readonly n: number } & ExactSumState)
  | ({ readonly kind: 'moments' } & ExactMomentsState);

export function accumulatorState(acc: Accumulator): AccumulatorState {
  if (acc instanceof CountRows || acc instanceof CountValues) return { kind: 'count', n: acc.n };
  if (acc instanceof CountDistinct) return { kind: 'distinct', values: [...acc.seen] };
  if (acc instanceof Sum) return { kind: 'sum', n: acc.n, ...acc.total.state() };
  if (acc instanceof Average) return { kind: 'moments', ...acc.exact.state() };
  if (acc instanceof Quantile) return { kind: 'replay', values: acc.values.subarray(0, acc.n) };
  if (acc instanceof Extreme) return { kind: 'extreme', best: acc.best };
  throw new Error('only accumulators made by createAccumulator have a state to merge');
}

/**
 * Adds a later part of the input to `target`, which holds every earlier part: the result is
 * the one a single pass in file order gives (counts add, exact sums add their partials,
 * values replay, extremes compare).
 */
export function mergeAccumulator(target: Accumulator, state: AccumulatorState): void {
  switch (state.kind) {
    case 'count':
      (target as CountRows | CountValues).n += state.n;
      return;
    case 'sum':
      (target as Sum).n += state.n;
      (target as Sum).total.addState(state);
      return;
    case 'moments':
      (target as Average).exact.addState(state);
      return;
    case 'extreme':
      if (state.best !== null) target.add(state.best);
      return;
    case 'distinct':
    case 'replay':
      for (const value of state.values) target.add(value);
  }
}

/** A new accumulator; every kind has a state to merge (accumulatorState), sums and averages exactly. */
export function createAccumulator(aggregate: Aggregate, hasColumn: boolean, p = 0.5): Accumulator {
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
