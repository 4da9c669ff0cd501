import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactMoments } from '../../../src/core/stats/index.js';
import { exactSum, exactVariance, shuffled } from './exact-reference.js';

function momentsOf(values: readonly number[]): ExactMoments {
  const moments = new ExactMoments();
  for (const x of values) moments.add(x);
  return moments;
}

/** The values cut at `cuts`, each part read apart, the parts' states cloned and merged in reverse. */
function mergedMomentsOf(values: readonly number[], cuts: readonly number[]): ExactMoments {
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), values.length];
  const states = bounds.slice(1).map((end, i) => structuredClone(momentsOf(values.slice(bounds[i], end)).state()));
  const total = new ExactMoments();
  for (const state of states.reverse()) total.addState(state);
  return total;
}

const summary = (m: ExactMoments): [number, number, number, number] => [m.n, m.mean, m.variance, m.sd];

/** Relative difference, for values that are not both zero. */
const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

describe('ExactMoments', () => {
  it('gives the same n, mean and sd bit for bit whatever the order and the cuts', () => {
    const decimals = fc.oneof(
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((cents) => cents / 100),
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 0, max: 999_999 }).map((x) => 1e9 + x / 1000),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(decimals, { maxLength: 400 }), fc.array(fc.nat(400), { maxLength: 5 }), fc.integer(), (values, cuts, seed) => {
        const one = summary(momentsOf(values));
        const other = summary(momentsOf(shuffled(values, seed)));
        const merged = summary(mergedMomentsOf(shuffled(values, seed + 1), cuts.map((c) => Math.min(c, values.length))));
        for (const got of [other, merged]) expect(got.map((v, i) => Object.is(v, one[i]))).toEqual([true, true, true, true]);
        if (values.length > 0) expect(one[1]).toBe(exactSum(values) / values.length);
      }),
      { numRuns: 300 },
    );
  });

  it('matches the exact variance where the textbook formula loses every digit: a large mean, a small spread', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const values = shuffled(
        Array.from({ length: 2000 }, (_, i) => 1e9 + ((i * 7919 + seed * 104_729) % 1000) / 1000),
        seed,
      );
      const moments = momentsOf(values);
      const expected = exactVariance(values);
      expect(relative(moments.variance, expected)).toBeLessThan(1e-15);
      expect(relative(moments.sd, Math.sqrt(expected))).toBeLessThan(1e-15);
      // The same in floating point, Σx² − n·mean², is far off.
      const n = values.length;
      const mean = values.reduce((a, b) => a + b, 0) / n;
      const naive = (values.reduce((a, x) => a + x * x, 0) - n * mean * mean) / (n - 1);
      expect(relative(naive, expected)).toBeGreaterThan(0.1);
    }
  });

  it('matches the exact variance on values of every scale', () => {
    const cases = [
      Array.from({ length: 3000 }, (_, i) => ((i * 7919) % 100_000) / 100), // currency
      Array.from({ length: 3000 }, (_, i) => 2 ** 30 + i), // integers whose squares are not exact
      [2 ** 26 - 1, 2 ** 26 - 3, 2 ** 26 - 5], // small integers, but Σx² is odd and past 2^53
      Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? 1e-8 : 1e8) * (1 + i / 7)), // 16 orders of magnitude
      [0.1, 0.2, 0.3],
    ];
    for (const values of cases) expect(relative(momentsOf(values).variance, exactVariance(values))).toBeLessThan(1e-15);
    expect(momentsOf([5, 5, 5, 5]).variance).toBe(0);
    expect(momentsOf([1e9 + 0.1, 1e9 + 0.1]).variance).toBe(0);
  });

  it('does not depend on the order even where squares underflow, and has no variance where they overflow', () => {
    const tiny = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 1000) * 1.234e-160 + (i % 3) * 1e-170);
    const one = summary(momentsOf(tiny));
    expect(one[3]).toBeGreaterThan(0);
    for (let seed = 0; seed < 10; seed++) {
      const other = summary(mergedMomentsOf(shuffled(tiny, seed), [seed * 13, 250 + seed]));
      expect(other.map((v, i) => Object.is(v, one[i]))).toEqual([true, true, true, true]);
    }
    const huge = momentsOf([1e200, 2e200, 3e200]);
    expect(huge.mean).toBe(2e200);
    expect(huge.sd).toBeNaN();
  });

  it('is empty, then has no sd for one value', () => {
    expect(summary(new ExactMoments())).toEqual([0, Number.NaN, Number.NaN, Number.NaN]);
    expect(summary(momentsOf([2.5]))).toEqual([1, 2.5, Number.NaN, Number.NaN]);
  });
});
