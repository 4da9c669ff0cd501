import { describe, expect, test } from 'vitest';
import { accumulatorState, Average, createAccumulator, mergeAccumulator } from '../../../src/core/compute/accumulators.js';
import { hashesOf, hashesOfDenseId, KeyCell } from '../../../src/core/compute/key-cell.js';
import { KeyLog, KeySet, type LoggedKeys } from '../../../src/core/compute/key-set.js';
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
      const part = createAccumulator(aggregate, true, 0.9);
      for (const v of values.slice(...cut)) part.add(v);
      mergeAccumulator(merged, accumulatorState(part));
    }
    expect(Object.is(merged.value(), single.value())).toBe(true);
    if (single instanceof Average) expect(Object.is((merged as Average).moments.sd, single.moments.sd)).toBe(true);
  });
});

/** Adds a key given as text; returns where it was first seen, or undefined if new. */
function addKey(set: KeySet, key: string, location: number): number | undefined {
  const cell = new KeyCell();
  cell.setText(key);
  return set.add(cell.h1, cell.h2, cell.id, location);
}

function removeKey(set: KeySet, key: string): void {
  const cell = new KeyCell();
  cell.setText(key);
  set.remove(cell.h1, cell.h2, cell.id);
}

// Keys of both kinds: kept by dense id (`R-7`), and kept in the hash table (`R-07`, `key 7 x`).
const KEY_FORMS = [
  ['dense ids', (i: number) => `R-${i}`],
  ['hashed keys', (i: number) => `key ${i} x`],
] as const;

describe.each(KEY_FORMS)('KeySet with %s', (_, keyOf) => {
  test('remove leaves every other key findable with its first location', () => {
    const set = new KeySet();
    for (let i = 0; i < 20_000; i++) expect(addKey(set, keyOf(i), i)).toBeUndefined();
    for (let i = 0; i < 20_000; i += 3) removeKey(set, keyOf(i));
    for (let i = 0; i < 20_000; i++) expect(addKey(set, keyOf(i), 0)).toBe(i % 3 === 0 ? undefined : i);
    expect(set.size).toBe(20_000);
  });

  test('a large set keeps first locations', () => {
    const set = new KeySet(100_000);
    for (let i = 0; i < 100_000; i++) expect(addKey(set, keyOf(i), 3 * 0x1_0000_0000 + i)).toBeUndefined();
    expect(addKey(set, keyOf(77), 9)).toBe(3 * 0x1_0000_0000 + 77);
    expect(set.size).toBe(100_000);
  });

  test('clear forgets every key', () => {
    const set = new KeySet();
    for (let i = 0; i < 10_000; i++) addKey(set, keyOf(i), i + 1);
    set.clear();
    expect(set.size).toBe(0);
    for (let i = 0; i < 10_000; i++) expect(addKey(set, keyOf(i), i + 1)).toBeUndefined();
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
});

describe('dense ids', () => {
  const idOf = (key: string) => {
    const cell = new KeyCell();
    cell.setText(key);
    return cell.id;
  };

  test('a short prefix and a number without leading zeros has one; other keys do not', () => {
    expect(idOf('884213')).toBe(884213);
    expect(idOf('0')).toBe(0);
    expect(idOf('9'.repeat(15))).toBe(999_999_999_999_999);
    expect(idOf('R-1042')).toBeGreaterThanOrEqual(2 ** 50);
    expect(idOf('ID_99999999')).toBeLessThan(2 ** 51);
    for (const key of ['R-0042', '00', '1'.repeat(16), 'R-123456789', 'ABCD1', 'R-', '', 'key 7 x', '550e8400-e29b-41d4-a716-446655440000', 'é1']) expect(idOf(key)).toBe(-1);
  });

  test('different keys never share an id', () => {
    const keys = ['1', '10', 'R1', 'R-1', 'R-10', 'r-1', 'S-1', 'R_1', 'RR1', 'A1', 'AB1', 'ABC1', '+1', '-1', 'x9', ' 1', 'B1', 'BA1'];
    for (let i = 0; i < 2000; i++) keys.push(`${i}`, `R-${i}`, `Q${i * 7919}`);
    const ids = keys.map(idOf);
    expect(ids.every((id) => id >= 0)).toBe(true);
    expect(new Set(ids).size).toBe(new Set(keys).size);
  });

  test('a key with a dense id is not hashed, and its id hashes to its text\'s hashes', () => {
    const cell = new KeyCell();
    const keys = ['0', '7', '10', '884213', '9'.repeat(15), 'R1', 'R-1042', 'ID_99999999', 'abc123', '~~~1', 'x-0', 'Q7919'];
    for (let i = 0; i < 3000; i++) keys.push(`${i * 7919}`, `T${i}`, `ab${i * 13}`, `a-b${i}`);
    for (const key of keys) {
      cell.setText(key);
      expect([key, cell.id >= 0, cell.h1, cell.h2]).toEqual([key, true, 0, 0]);
      expect([key, ...hashesOfDenseId(cell.id)]).toEqual([key, ...hashesOf(key)]);
    }
    cell.setText('R-0042'); // no dense id: hashed
    expect([cell.id, cell.h1, cell.h2]).toEqual([-1, ...hashesOf('R-0042')]);
  });

  test('bytes and text give the same id and hashes', () => {
    const text = new KeyCell();
    const bytes = new KeyCell();
    for (const key of ['R-1042', '884213', 'R-0042', 'key 7 x']) {
      text.setText(key);
      bytes.setAsciiBytes(Buffer.from(`;${key};`), 1, key.length + 1);
      expect([bytes.h1, bytes.h2, bytes.id]).toEqual([text.h1, text.h2, text.id]);
    }
  });

  test('sparse ids stop making chunks but every key stays findable where it was put', () => {
    const set = new KeySet();
    // Each id in a chunk of its own: past 256 chunks, the rest go to the hash table.
    const sparse = (i: number) => `${i * 1_000_003}`;
    for (let i = 0; i < 5000; i++) expect(addKey(set, sparse(i), i)).toBeUndefined();
    for (let i = 0; i < 5000; i += 2) removeKey(set, sparse(i));
    for (let i = 0; i < 5000; i++) expect(addKey(set, sparse(i), 0)).toBe(i % 2 === 0 ? undefined : i);
    // A dense run next to them still has its own chunks' worth of keys.
    for (let i = 0; i < 10_000; i++) expect(addKey(set, `${i}`, i)).toBe(i === 0 ? 0 : undefined);
    expect(set.size).toBe(5000 + 10_000 - 1);
  });
});

describe('packed chunks of dense ids', () => {
  // Lines as an export gives them: in id order, with a line break inside a quoted field now
  // and then, and rows without a key in play between keys.
  const lineOf = (i: number) => 2 + i + Math.floor(i / 8) + Math.floor(i / 1000) * 3;

  test('ids in order take a few bits each and keep their exact first lines', () => {
    const set = new KeySet();
    const n = 100_000;
    for (let i = 0; i < n; i++) expect(addKey(set, `R-${i}`, lineOf(i))).toBeUndefined();
    // Unpacked, 4 bytes an id: 400 kB. Packed, about 2.2 bits an id (one for the id in the
    // bitmap, one ending its steps, and a step for 1 key in 8), besides the empty hash table
    // (64 kB) and the chunk being written (16 kB).
    expect(set.bytes).toBeLessThan(80 * 1024 + (n * 2.5) / 8);
    // Seen again: every key is found with its line, and its chunk is unpacked for good.
    for (let i = 0; i < n; i += 7) expect(addKey(set, `R-${i}`, 1)).toBe(lineOf(i));
    expect(set.size).toBe(n);
  });

  test('merging parts of dense ids leaves the hash table at its first size', () => {
    const set = new KeySet();
    const cell = new KeyCell();
    for (let part = 0; part < 3; part++) {
      const log = new KeyLog();
      for (let i = part * 60_000; i < (part + 1) * 60_000; i++) {
        cell.setText(`R-${i}`);
        log.push(cell.h1, cell.h2, cell.id, lineOf(i));
      }
      expect(set.addAll(log, 0)).toBe(true);
    }
    // The empty table (64 kB), the chunk being written (16 kB) and ~2.2 bits an id packed:
    // sizing the table for every key of a part, not just those without a dense id, took 2 MB.
    expect(set.bytes).toBeLessThan(80 * 1024 + (180_000 * 2.5) / 8);
  });

  test('a key added to a chunk already packed, and one removed from it, leave the others as they were', () => {
    const set = new KeySet();
    for (let i = 0; i < 20_000; i++) if (i % 5 !== 0) addKey(set, `${i}`, lineOf(i));
    for (let i = 0; i < 20_000; i += 5) expect(addKey(set, `${i}`, 7)).toBeUndefined(); // late keys, back into packed chunks
    for (let i = 1; i < 20_000; i += 10) removeKey(set, `${i}`);
    for (let i = 0; i < 20_000; i++) {
      const expected = i % 5 === 0 ? 7 : i % 10 === 1 ? undefined : lineOf(i);
      expect(addKey(set, `${i}`, 7)).toBe(expected);
    }
  });

  test('ids out of order, and lines far apart, stay correct whether packed or not', () => {
    const set = new KeySet();
    // Descending lines within each chunk (no packing), then huge steps (too large to pack).
    for (let i = 0; i < 8192; i++) addKey(set, `A${i}`, 1_000_000 - i);
    for (let i = 0; i < 8192; i++) addKey(set, `B${i}`, 0xffff_0000 + (i % 2) * 1000 + i);
    for (let i = 0; i < 8192; i += 3) {
      expect(addKey(set, `A${i}`, 1)).toBe(1_000_000 - i);
      expect(addKey(set, `B${i}`, 1)).toBe(0xffff_0000 + (i % 2) * 1000 + i);
    }
  });
});

describe('dense ids over several files', () => {
  test('a chunk of ids that straddles two files keeps every key findable, with its file and line', () => {
    const set = new KeySet();
    const FILE = 0x1_0000_0000;
    // Ids 0-4999 first seen in file 0, 5000-9999 in file 3: the chunk of ids 4096-8191 holds both.
    const where = (i: number) => (i < 5000 ? 0 : 3 * FILE) + 2 + (i % 5000);
    for (let i = 0; i < 10_000; i++) expect(addKey(set, `${i}`, where(i))).toBeUndefined();
    expect(set.size).toBe(10_000);
    // Seen again in file 0 (the straddling chunk's own file) or in file 7.
    const again = (i: number) => (i % 2) * 7 * FILE + 9;
    for (let i = 0; i < 10_000; i++) expect(addKey(set, `${i}`, again(i))).toBe(where(i));
    for (let i = 0; i < 10_000; i += 7) removeKey(set, `${i}`);
    for (let i = 0; i < 10_000; i++) expect(addKey(set, `${i}`, again(i))).toBe(i % 7 === 0 ? undefined : where(i));
    expect(set.size).toBe(10_000);
  });
});

describe('KeySet.addAll', () => {
  const logOf = (keys: string[], firstLine: number) => {
    const log = new KeyLog();
    const cell = new KeyCell();
    keys.forEach((key, i) => {
      cell.setText(key);
      log.push(cell.h1, cell.h2, cell.id, firstLine + i);
    });
    return log;
  };

  test.each(KEY_FORMS)('takes a batch of %s with shifted lines, or none of it when one key is already there', (_, keyOf) => {
    const set = new KeySet();
    const first = logOf(Array.from({ length: 50_000 }, (_, i) => keyOf(i)), 1);
    expect(set.addAll(first, 100)).toBe(true);
    expect(set.size).toBe(50_000);
    // A batch of the other kind of key, then a repeat.
    const clash = logOf([...Array.from({ length: 30_000 }, (_, i) => `B${i}`), ...Array.from({ length: 3000 }, (_, i) => `b ${i}!`), keyOf(123)], 1);
    expect(set.addAll(clash, 0)).toBe(false);
    expect(set.size).toBe(50_000);
    expect(addKey(set, 'B7', 5)).toBeUndefined(); // the batch left nothing behind
    expect(addKey(set, 'b 7!', 5)).toBeUndefined();
    expect(addKey(set, keyOf(123), 5)).toBe(224); // line 124 of its log, shifted by 100
    set.removeAll(first);
    expect(set.size).toBe(2);
  });
});

describe('KeySet.addAll of a piece read by its own set (its hash table logged, its chunks whole)', () => {
  const FILE = 0x1_0000_0000;

  /** The keys a worker sends for keys[i] seen on line i + 1 of its piece, as SourceRun does. */
  function pieceKeys(keys: readonly string[], file = 0): LoggedKeys {
    const set = new KeySet();
    const log = new KeyLog();
    const cell = new KeyCell();
    keys.forEach((key, i) => {
      cell.setText(key);
      const location = file * FILE + i + 1;
      if (set.add(cell.h1, cell.h2, cell.id, location) === undefined && !set.chunked) log.push(cell.h1, cell.h2, cell.id, location);
    });
    return { hashes: log.hashes, ids: log.ids, locations: log.locations, size: log.size, chunks: set.exportChunks() };
  }

  /** Merges `keys` cut at `cuts` into one set, as the coordinator does; the first failing piece's number, or -1. */
  function mergePieces(set: KeySet, keys: readonly string[], cuts: readonly number[], file = 0): number {
    const bounds = [0, ...cuts, keys.length];
    for (let p = 0; p + 1 < bounds.length; p++) {
      const piece = pieceKeys(keys.slice(bounds[p], bounds[p + 1]), file);
      if (!set.addAll(piece, bounds[p]!)) return p;
    }
    return -1;
  }

  const inOrder = Array.from({ length: 30_000 }, (_, i) => `R-${i}`);

  test('ids in order: the pieces\' chunks are taken whole, packed, with every first line right', () => {
    const set = new KeySet();
    expect(mergePieces(set, inOrder, [5000, 11_111, 20_000])).toBe(-1);
    expect(set.size).toBe(30_000);
    // Packed as if read by one set: the empty table (64 kB), the chunk being written (16 kB)
    // and about 2 bits an id.
    expect(set.bytes).toBeLessThan(64 * 1024 + 16 * 1024 + 30_000 / 4);
    for (let i = 0; i < 30_000; i += 7) expect(addKey(set, `R-${i}`, 5)).toBe(i + 1);
  });

  test('a piece repeating a key of an earlier piece is taken not at all, whichever chunk holds the key', () => {
    // In a chunk taken packed, in one merged into, in the chunk being written; then a new key.
    for (const repeat of ['R-100', 'R-4999', 'R-8999', 'R-20000']) {
      const set = new KeySet();
      expect(mergePieces(set, inOrder.slice(0, 9000), [5000])).toBe(-1);
      const piece = pieceKeys([...inOrder.slice(9000, 12_000), repeat, 'key x', 'R-0042']);
      expect(set.addAll(piece, 9000)).toBe(repeat === 'R-20000');
      if (repeat === 'R-20000') continue;
      expect(set.size).toBe(9000);
      for (const key of ['R-9000', 'R-11999', 'key x', 'R-0042']) expect(addKey(set, key, 1)).toBeUndefined();
      expect(addKey(set, repeat, 1)).toBe(Number(repeat.slice(2)) + 1);
    }
  });

  test('ids out of order, hashed keys, a second file and sparse ids give the answers of one set', () => {
    const mixed: string[] = [];
    for (let i = 0; i < 12_000; i++) mixed.push(i % 3 === 0 ? `R-${12_000 - i}` : i % 3 === 1 ? `k${i}-x` : `${i * 1_000_003}`);
    for (const file of [0, 2]) {
      const one = new KeySet();
      mixed.forEach((key, i) => addKey(one, key, file * FILE + i + 1));
      const set = new KeySet();
      expect(mergePieces(set, mixed, [100, 4000, 9999], file)).toBe(-1);
      expect(set.size).toBe(one.size);
      for (let i = 0; i < mixed.length; i += 5) expect(addKey(set, mixed[i]!, 1)).toBe(addKey(one, mixed[i]!, 1));
    }
  });

  test('removeAll takes back a piece taken whole', () => {
    const set = new KeySet();
    expect(mergePieces(set, inOrder.slice(0, 5000), [])).toBe(-1);
    const piece = pieceKeys(inOrder.slice(5000, 20_000));
    expect(set.addAll(piece, 5000)).toBe(true);
    set.removeAll(piece);
    expect(set.size).toBe(5000);
    expect(addKey(set, 'R-5000', 1)).toBeUndefined();
    expect(addKey(set, 'R-4999', 1)).toBe(5000);
  });
});
