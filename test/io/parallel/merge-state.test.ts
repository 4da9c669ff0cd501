import { describe, expect, test } from 'vitest';
import { accumulatorState, Average, createAccumulator, mergeAccumulator } from '../../../src/core/compute/accumulators.js';
import { KeyCell, KeySet } from '../../../src/core/compute/key-set.js';
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
    const cell = new KeyCell();
    const hashes: [number, number][] = [];
    for (let i = 0; i < 20_000; i++) {
      cell.setText(`R-${i}`);
      expect(set.addHashed(cell.h1, cell.h2, i)).toBeUndefined();
      hashes.push([cell.h1, cell.h2]);
    }
    for (let i = 0; i < 20_000; i += 3) set.remove(...hashes[i]!);
    for (let i = 0; i < 20_000; i++) expect(set.addHashed(...hashes[i]!, 0)).toBe(i % 3 === 0 ? undefined : i);
    expect(set.size).toBe(20_000);
  });
});

describe('KeyCell', () => {
  test('hashes ASCII bytes as it hashes the same text, and refuses other bytes', () => {
    const text = new KeyCell();
    const bytes = new KeyCell();
    for (const key of ['R-1', 'a', 'order 12/3 "x"', 'x'.repeat(300)]) {
      text.setText(key);
      expect(bytes.setAsciiBytes(Buffer.from(`,${key},`), 1, key.length + 1)).toBe(true);
      expect([bytes.h1, bytes.h2]).toEqual([text.h1, text.h2]);
    }
    expect(bytes.setAsciiBytes(Buffer.from('café'), 0, 5)).toBe(false);
  });

  test('different keys hash differently, and a large table keeps first locations', () => {
    const set = new KeySet(100_000);
    const cell = new KeyCell();
    for (let i = 0; i < 100_000; i++) {
      cell.setText(`K${i}`);
      expect(set.addHashed(cell.h1, cell.h2, 3 * 0x1_0000_0000 + i)).toBeUndefined();
    }
    cell.setText('K77');
    expect(set.addHashed(cell.h1, cell.h2, 9)).toBe(3 * 0x1_0000_0000 + 77);
  });
});

describe('KeySet.addAll', () => {
  const logOf = (keys: string[], firstLine: number) => {
    const cell = new KeyCell();
    const hashes = new Uint32Array(keys.length * 2);
    const locations = new Float64Array(keys.length);
    keys.forEach((key, i) => {
      cell.setText(key);
      hashes[i * 2] = cell.h1;
      hashes[i * 2 + 1] = cell.h2;
      locations[i] = firstLine + i;
    });
    return { hashes, locations, size: keys.length };
  };

  test('takes a batch with shifted lines, or none of it when one key is already there', () => {
    const set = new KeySet();
    const first = logOf(Array.from({ length: 50_000 }, (_, i) => `A${i}`), 1);
    expect(set.addAll(first, 100)).toBe(true);
    expect(set.size).toBe(50_000);
    const clash = logOf([...Array.from({ length: 30_000 }, (_, i) => `B${i}`), 'A123'], 1);
    expect(set.addAll(clash, 0)).toBe(false);
    expect(set.size).toBe(50_000);
    const cell = new KeyCell();
    cell.setText('B7');
    expect(set.addHashed(cell.h1, cell.h2, 5)).toBeUndefined(); // the batch left nothing behind
    cell.setText('A123');
    expect(set.addHashed(cell.h1, cell.h2, 5)).toBe(224); // line 124 of its log, shifted by 100
    set.removeAll(first);
    expect(set.size).toBe(1);
  });
});
