import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum } from '../../../src/core/stats/index.js';
import { exactSum, roundScaled, scaled, shuffled } from './exact-reference.js';

function sumOf(values: readonly number[]): number {
  const sum = new ExactSum();
  for (const x of values) sum.add(x);
  return sum.value();
}

/** The values cut at `cuts`, each part summed apart, the parts merged by state in `order`. */
function mergedSumOf(values: readonly number[], cuts: readonly number[], order: readonly number[]): number {
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), values.length];
  const parts = bounds.slice(1).map((end, i) => {
    const part = new ExactSum();
    for (const x of values.slice(bounds[i], end)) part.add(x);
    return structuredClone(part.state());
  });
  const total = new ExactSum();
  for (const i of new Set([...order.filter((i) => i < parts.length), ...parts.keys()])) total.addState(parts[i]!);
  return total.value();
}

const range = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

describe('the exact reference', () => {
  it('gives back doubles, and rounds halves to even', () => {
    for (const x of [0, 1, -2.5, 0.1, 1e300, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE]) expect(roundScaled(scaled(x), 1074)).toBe(x);
    // 2^53 + 1 and 2^53 + 3 are halfway between doubles: they round to the even one.
    expect(roundScaled((2n ** 53n + 1n) << 1074n, 1074)).toBe(2 ** 53);
    expect(roundScaled((2n ** 53n + 3n) << 1074n, 1074)).toBe(2 ** 53 + 4);
    expect(exactSum([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('ExactSum', () => {
  it('is 0 when empty or given only zeros', () => {
    expect(sumOf([])).toBe(0);
    expect(Object.is(sumOf([-0, -0]), 0)).toBe(true);
  });

  // From CPython's test_math (test_fsum), plus two classic cases.
  it.each<[string, number[], number]>([
    ['1e100, 1, −1e100, 1e-100, 1e50, −1, −1e50', [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], 1e-100],
    ['2^53, −0.5, −2^-54', [2 ** 53, -0.5, -(2 ** -54)], 2 ** 53 - 1],
    ['2^53, 1, 2^-100', [2 ** 53, 1.0, 2 ** -100], 2 ** 53 + 2],
    ['2^53 + 10, 1, 2^-100', [2 ** 53 + 10, 1.0, 2 ** -100], 2 ** 53 + 12],
    ['2^53 − 4, 0.5, 2^-54', [2 ** 53 - 4, 0.5, 2 ** -54], 2 ** 53 - 3],
    ['1/n for n = 1..1000', range(1000, (i) => 1 / (i + 1)), 7.485470860550345], // 0x1.df11f45f4e61ap+2
    ['(−1)^n/n for n = 1..1000', range(1000, (i) => (-1) ** (i + 1) / (i + 1)), -0.6926474305598203], // -0x1.62a2af1bd3624p-1
    ['1e16, 1, 1e-16', [1e16, 1.0, 1e-16], 10000000000000002.0],
    ['1e16 − 2, 1 − 2^-53, −(1e16 − 2), −(1 − 2^-53)', [1e16 - 2, 1 - 2 ** -53, -(1e16 - 2), -(1 - 2 ** -53)], 0],
    // Many partials: 2^n − 2^(n+50) + 2^(n+52) for n = −1074, −1072, …, 970, then −2^1022.
    ['partials from 2^-1074 to 2^1022', [...range(1023, (i) => 2 ** (2 * i - 1074) - 2 ** (2 * i - 1024) + 2 ** (2 * i - 1022)), -(2 ** 1022)], 1.3305602063564798e292], // 0x1.5555555555555p+970
    ['0.1 ten times', range(10, () => 0.1), 1.0],
    ['1, 1e100, 1, −1e100', [1, 1e100, 1, -1e100], 2],
  ])('sums %s exactly, as fsum', (_, values, expected) => {
    expect(sumOf(values)).toBe(expected);
    expect(sumOf([...values].reverse())).toBe(expected);
    expect(exactSum(values)).toBe(expected);
  });

  it('rounds a tie the partials below break as fsum does (its half-even correction)', () => {
    // 1e16 + 1 is halfway between 1e16 and 1e16 + 2: 1e-16 breaks the tie upwards, −1e-16 downwards.
    expect(sumOf([1e-16, 1, 1e16])).toBe(1e16 + 2);
    expect(sumOf([-1e-16, 1, 1e16])).toBe(1e16);
    expect(sumOf([1e16, 1])).toBe(1e16);
    expect(sumOf([1e16, 3])).toBe(1e16 + 4);
  });

  it('sums non-finite values apart: Infinity and −Infinity give NaN, in any order', () => {
    expect(sumOf([1, Number.POSITIVE_INFINITY, 2])).toBe(Number.POSITIVE_INFINITY);
    expect(sumOf([Number.NEGATIVE_INFINITY, 1e308, 1e308])).toBe(Number.NEGATIVE_INFINITY);
    expect(sumOf([Number.POSITIVE_INFINITY, 1, Number.NEGATIVE_INFINITY])).toBeNaN();
    expect(sumOf([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY])).toBeNaN();
    expect(sumOf([Number.NaN, 1])).toBeNaN();
    expect(sumOf([1, Number.NaN, Number.POSITIVE_INFINITY])).toBeNaN();
  });

  it('gives no finite sum when a running total overflows, which only then depends on the order', () => {
    // The exact sum is 1e308 each time: the first order overflows (+∞, then −∞: NaN), the second does not.
    expect(sumOf([1e308, 1e308, 1e308, -1e308, -1e308])).toBeNaN();
    expect(sumOf([1e308, 1e308, 1e308, -1e308])).toBe(Number.POSITIVE_INFINITY);
    expect(sumOf([1e308, -1e308, 1e308, -1e308, 1e308])).toBe(1e308);
    expect(sumOf([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.POSITIVE_INFINITY);
    // A non-finite value added outweighs an overflowed total, whatever its sign.
    expect(sumOf([1e308, 1e308, 1e308, Number.NEGATIVE_INFINITY])).toBe(Number.NEGATIVE_INFINITY);
    expect(sumOf([Number.NEGATIVE_INFINITY, 1e308, 1e308, 1e308])).toBe(Number.NEGATIVE_INFINITY);
  });

  it('stays exact through every store: integers past 2^53, flushes, larger values, tiny and huge ones', () => {
    const cases = [
      range(3000, (i) => 2 ** 52 + i), // the fast sum turns inexact past 2^53
      range(5000, (i) => ((i * 7919) % 100_000) / 100), // currency: flushed every 1024 values
      [2 ** 40, ...range(40_000, (i) => 2 ** 44 * (1.9 + i * 1e-9))], // near the grid's top: exact only if flushed
      range(3000, (i) => (i % 2 === 0 ? 1e-3 * i : 1e6 * i) + 0.1), // the grid taken by ever larger values
      [1e9, ...range(3000, (i) => i / 1000 + 1e-30 * i)], // bits 2^128 below the grid's top
      range(2000, (i) => (i % 3 === 0 ? 5e-324 * i : i % 3 === 1 ? 1e300 * (i % 7) : -1e-310 * i)), // subnormal, huge
      range(3000, (i) => (i % 2 === 0 ? 1 : -1) * (1 + i * 2 ** -40)), // cancellation
    ];
    for (const values of cases) {
      const expected = exactSum(values);
      expect(sumOf(values)).toBe(expected);
      expect(sumOf([...values].reverse())).toBe(expected);
      expect(mergedSumOf(values, [1, 999, 1500], [3, 1, 0, 2])).toBe(expected);
    }
  });

  it('gives the exactly rounded sum whatever the order and the cuts, on random doubles', () => {
    const doubles = fc.oneof(
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map((cents) => cents / 100),
      fc.double({ min: -1e300, max: 1e300, noNaN: true }),
      fc.integer({ min: -(2 ** 53), max: 2 ** 53 }),
      fc.double({ min: -1e-300, max: 1e-300, noNaN: true }),
      fc.tuple(fc.integer({ min: -60, max: 60 }), fc.double({ min: -1, max: 1, noNaN: true })).map(([e, m]) => m * 2 ** e),
    );
    fc.assert(
      fc.property(
        fc.array(doubles, { maxLength: 300 }),
        fc.array(fc.nat(300), { maxLength: 4 }),
        fc.array(fc.nat(4)),
        fc.integer(),
        (values, cuts, order, seed) => {
          const expected = exactSum(values);
          expect(sumOf(values)).toBe(expected);
          expect(sumOf(shuffled(values, seed))).toBe(expected);
          expect(mergedSumOf(values, cuts.map((c) => Math.min(c, values.length)), order)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('has a state of plain data, which merges into any sum', () => {
    const a = new ExactSum();
    for (const x of [0.1, 0.2, 0.3]) a.add(x);
    const state = a.state();
    expect(state.partials).toBeInstanceOf(Float64Array);
    expect(structuredClone(state)).toEqual(state);
    const b = new ExactSum();
    b.add(-0.6);
    b.addState(state);
    expect(b.value()).toBe(exactSum([0.1, 0.2, 0.3, -0.6]));
    b.merge(a);
    expect(b.value()).toBe(exactSum([0.1, 0.2, 0.3, -0.6, 0.1, 0.2, 0.3]));
    const special = new ExactSum();
    special.add(Number.NEGATIVE_INFINITY);
    b.addState(special.state());
    expect(b.value()).toBe(Number.NEGATIVE_INFINITY);
  });
});
