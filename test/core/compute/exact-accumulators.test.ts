import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { accumulatorState, Average, createAccumulator, mergeAccumulator, type Accumulator } from '../../../src/core/compute/accumulators.js';
import type { Aggregate } from '../../../src/core/library/types.js';
import { exactSum, exactVariance, shuffled } from '../stats/exact-reference.js';

function read(aggregate: Aggregate, values: readonly (number | null)[]): Accumulator {
  const acc = createAccumulator(aggregate, true, 0.5);
  for (const v of values) acc.add(v);
  return acc;
}

/** Parts read apart, as parallel workers do, their states cloned, merged in a given order. */
function merged(aggregate: Aggregate, values: readonly (number | null)[], cuts: readonly number[], order: readonly number[]): Accumulator {
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), values.length];
  const states = bounds.slice(1).map((end, i) => structuredClone(accumulatorState(read(aggregate, values.slice(bounds[i], end)))));
  const target = createAccumulator(aggregate, true);
  for (const i of new Set([...order.filter((i) => i < states.length), ...states.keys()])) mergeAccumulator(target, states[i]!);
  return target;
}

const spreadOf = (acc: Accumulator): [number | null, number, number] => (acc instanceof Average ? [acc.value(), acc.moments.n, acc.moments.sd] : [acc.value(), 0, 0]);

describe('sum and avg', () => {
  test.each<Aggregate>(['sum', 'avg'])('%s: parts merged in any order give one pass\'s result, bit for bit', (aggregate) => {
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => c / 100), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 1e6 }).map((x) => 1e9 + x / 1000));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 5 }), fc.array(fc.nat(5)), fc.integer(), (values, cuts, order, seed) => {
        const one = spreadOf(read(aggregate, values));
        const parts = spreadOf(merged(aggregate, shuffled(values, seed), cuts.map((c) => Math.min(c, values.length)), order));
        expect(parts.map((v, i) => Object.is(v, one[i]))).toEqual([true, true, true]);
      }),
      { numRuns: 200 },
    );
  });

  test('a sum is the exact sum rounded once, null without values', () => {
    const cents = Array.from({ length: 10_000 }, (_, i) => ((i * 7919) % 1_000_000) / 100 - 2500);
    expect(read('sum', cents).value()).toBe(exactSum(cents));
    expect(read('sum', [null, null]).value()).toBeNull();
    expect(read('sum', [0.1, 0.2, null]).value()).toBe(0.30000000000000004); // 0.1 + 0.2 exactly, rounded once
    expect(read('sum', [0.1, 0.2, -0.3]).value()).toBe(2.7755575615628914e-17);
  });

  test('an average\'s mean and sd are exact to the last bits, on a large mean and a small spread', () => {
    const values = Array.from({ length: 5000 }, (_, i) => 1e9 + ((i * 7919) % 1000) / 1000);
    const acc = read('avg', [null, ...values]) as Average;
    expect(acc.value()).toBe(exactSum(values) / values.length);
    expect(acc.moments.n).toBe(5000);
    expect(Math.abs(acc.moments.sd - Math.sqrt(exactVariance(values))) / acc.moments.sd).toBeLessThan(1e-15);
  });

  test('send their partials as typed arrays of their own', () => {
    const sum = accumulatorState(read('sum', [0.1, 0.2, 0.3]));
    const avg = accumulatorState(read('avg', [0.1, 0.2, 0.3]));
    expect(sum.kind === 'sum' && sum.n === 3 && sum.partials instanceof Float64Array && sum.partials.length <= 4).toBe(true);
    expect(avg.kind === 'moments' && avg.n === 3 && avg.s1.partials instanceof Float64Array && avg.s2.partials instanceof Float64Array).toBe(true);
    if (sum.kind === 'sum') expect(sum.partials.byteLength).toBe(sum.partials.buffer.byteLength);
  });
});
