import { describe, expect, test } from 'vitest';
import { accumulatorState, Average, createAccumulator, mergeAccumulator } from '../../../src/core/compute/accumulators.js';
import { KeySet } from '../../../src/core/compute/key-set.js';
import type { Aggregate } from '../../../src/core/library/types.js';

// Decimal values whose sums and moments depend on the order they are added in.
const values = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 1000) / 7 + (i % 3 === 0 ? 1e9 : 0.1));

describe('merging a later part of the input', () => {
  test.each<Aggregate>(['count', 'count_distinct', 'sum', 'avg', 'min', 'max', 'median', 'percentile'])('%s equals one pass, bit for bit', (aggregate) => {
    const single = createAccumulator(aggregate, true, 0.9);
    for (const v of values) single.add(v);
    const merged = createAccumulator(aggregate, true, 0.9);
    for (const v of values.slice(0, 1234)) merged.add(v);
    for (const cut of [[1234, 3000], [3000, 5000]] as const) {
      const part = createAccumulator(aggregate, true, 0.9, true);
      for (const v of values.slice(...cut)) part.add(v);
      mergeAccumulator(merged, accumulatorState(part));
    }
    expect(Object.is(merged.value(), single.value())).toBe(true);
    if (single instanceof Average) expect(Object.is((merged as Average).moments.sd, single.moments.sd)).toBe(true);
  });
});

describe('KeySet.remove', () => {
  test('leaves every other key findable with its first location', () => {
    const set = new KeySet();
    const hashes: [number, number][] = [];
    for (let i = 0; i < 20_000; i++) {
      set.add(`R-${i}`, i);
      hashes.push([set.lastH1, set.lastH2]);
    }
    for (let i = 0; i < 20_000; i += 3) set.remove(...hashes[i]!);
    for (let i = 0; i < 20_000; i++) expect(set.addHashed(...hashes[i]!, -1)).toBe(i % 3 === 0 ? undefined : i);
    expect(set.size).toBe(20_000);
  });
});
