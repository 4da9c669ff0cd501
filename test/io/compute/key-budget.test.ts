import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { KeyCell } from '../../../src/core/compute/key-cell.js';
import { KeyLog, KeySet, type LateDuplicates } from '../../../src/core/compute/key-set.js';
import type { Reject } from '../../../src/io/data/read-source.js';
import { keyTableSlots, PartitionedKeyOverflow } from '../../../src/io/compute/key-overflow.js';
import { RejectGate } from '../../../src/io/compute/reject-gate.js';

const temporary = mkdtempSync(join(tmpdir(), 'rmos-key-budget-'));
const savedTmp = process.env.TMPDIR;
process.env.TMPDIR = temporary; // os.tmpdir() follows it: the stores' files go here
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(temporary, { recursive: true, force: true });
});

const cell = new KeyCell();
function add(set: KeySet, key: string, location: number): number | undefined {
  cell.setText(key);
  return set.add(cell.h1, cell.h2, cell.id, location);
}

/** Keys without a dense id; `order[i]` is the key read at line i + 1. Past line 9,000 some repeat earlier ones. */
const order = Array.from({ length: 20_000 }, (_, i) => `k${i % 7 === 3 && i > 9000 ? (i * 37) % (i - 1000) : i}x`);

/** What a set answers for each line. */
function answers(set: KeySet): (number | undefined)[] {
  return order.map((key, i) => add(set, key, i + 1));
}

describe('a key set with a memory budget', () => {
  test('holds 3/4 of its slots and puts the keys first seen after that aside, in order', () => {
    const aside: number[] = [];
    const set = new KeySet(0, { maxSlots: 4096, overflow: { push: (_h1, _h2, location) => aside.push(location) } });
    const got = answers(set);
    expect(set.overflowed).toBe(true);
    // Every line whose key is not among the first 3,072 distinct keys went aside.
    const held = new Set<string>();
    for (const key of order) if (held.size < 3072) held.add(key);
    expect(aside.length).toBe(order.filter((key) => !held.has(key)).length);
    expect(set.size).toBe(3072);
    const unlimited = answers(new KeySet());
    // Keys held are answered as without a budget; keys past it are taken as new for now.
    got.forEach((first, i) => expect(first === undefined || first === unlimited[i]).toBe(true));
    expect(aside).toEqual([...aside].sort((a, b) => a - b));
  });

  test('a second read with the late duplicates gives every line the answer of a set without a budget', () => {
    const overflow = new PartitionedKeyOverflow('survey');
    answers(new KeySet(0, { maxSlots: 4096, overflow }));
    const late = overflow.lateDuplicates()!;
    expect(late.at.length).toBeGreaterThan(100);
    expect(answers(new KeySet(0, { maxSlots: 4096, late }))).toEqual(answers(new KeySet()));
    expect(readdirSync(temporary)).toEqual([]);
  });

  test('dense ids of a chunk that straddles two files, past the budget, get the answers of a set without one', () => {
    // The table is filled by other keys; then ids 0-2999 in file 0 and 2000-5999 in file 1 (the
    // chunk of ids 0-4095 holds file 0's, so file 1's 3000-4095 go to the full table: past the
    // budget), then some of file 1's ids again.
    const FILE = 0x1_0000_0000;
    const rows: [string, number][] = [];
    for (let i = 0; i < 4000; i++) rows.push([`other ${i} x`, i + 1]);
    for (let i = 0; i < 3000; i++) rows.push([`${i}`, 5000 + i]);
    for (let i = 2000; i < 6000; i++) rows.push([`${i}`, FILE + i]);
    for (let i = 2500; i < 4500; i += 3) rows.push([`${i}`, FILE + 10_000 + i]);
    const run = (set: KeySet) => rows.map(([key, location]) => add(set, key, location));
    const overflow = new PartitionedKeyOverflow('survey');
    run(new KeySet(0, { maxSlots: 4096, overflow }));
    const late = overflow.lateDuplicates()!;
    expect(late.at.length).toBeGreaterThan(10);
    expect(run(new KeySet(0, { maxSlots: 4096, late }))).toEqual(run(new KeySet()));
  });

  test('a second read in parts (as in parallel) gives every line the answer of a set without a budget', () => {
    const overflow = new PartitionedKeyOverflow('survey');
    answers(new KeySet(0, { maxSlots: 4096, overflow }));
    const late = overflow.lateDuplicates()!;
    // Each part of 700 lines is read alone (its own set), then its first keys are merged; a part
    // that repeats a key seen before, or holds a listed repeat, is read again line by line.
    const set = new KeySet(0, { maxSlots: 4096, late });
    const got: (number | undefined)[] = [];
    let merged = 0;
    for (let from = 0; from < order.length; from += 700) {
      const lines = order.slice(from, from + 700);
      const part = new KeySet();
      const log = new KeyLog();
      const inPart = lines.map((key, i) => {
        cell.setText(key);
        const first = part.add(cell.h1, cell.h2, cell.id, from + i + 1);
        if (first === undefined) log.push(cell.h1, cell.h2, cell.id, from + i + 1);
        return first;
      });
      if (set.addAll(log, 0)) {
        got.push(...inPart);
        merged++;
      } else got.push(...lines.map((key, i) => add(set, key, from + i + 1)));
    }
    expect(merged).toBeGreaterThan(5);
    expect(got).toEqual(answers(new KeySet()));
  });

  test('addAll of a part that may go past the budget takes all of it or, on a repeat, none', () => {
    const logOf = (from: number, to: number) => {
      const log = new KeyLog();
      for (let i = from; i < to; i++) {
        cell.setText(`k${i}x`);
        log.push(cell.h1, cell.h2, cell.id, i);
      }
      return log;
    };
    const pushed: number[] = [];
    const set = new KeySet(0, { maxSlots: 4096, overflow: { push: (_h1, _h2, location) => pushed.push(location) } });
    expect(set.addAll(logOf(0, 3000), 0)).toBe(true);
    expect(set.mayOverflow(500)).toBe(true);
    expect(set.addAll(logOf(2999, 4000), 0)).toBe(false); // k2999x is held: nothing taken, nothing put aside
    expect([set.size, pushed.length]).toEqual([3000, 0]);
    expect(set.addAll(logOf(3000, 4000), 0)).toBe(true);
    expect([set.size, pushed]).toEqual([3072, Array.from({ length: 928 }, (_, i) => 3072 + i)]);
  });

  test("RMOS_KEY_MEMORY sets the table's slots (16 bytes each, a power of 2, at least 4,096)", () => {
    expect(keyTableSlots({})).toBe(16 * 1024 * 1024);
    expect(keyTableSlots({ RMOS_KEY_MEMORY: '65536' })).toBe(4096);
    expect(keyTableSlots({ RMOS_KEY_MEMORY: '200000' })).toBe(8192);
    expect(keyTableSlots({ RMOS_KEY_MEMORY: '1' })).toBe(4096);
    expect(() => keyTableSlots({ RMOS_KEY_MEMORY: '64MB' })).toThrow(/RMOS_KEY_MEMORY must be a number of bytes \(for example 268435456 for 256 MiB\), got '64MB'/);
  });
});

describe('PartitionedKeyOverflow', () => {
  test('finds the keys that repeat an earlier one, with where it was first seen, in the order they were read', () => {
    const overflow = new PartitionedKeyOverflow('survey');
    const FILE = 0x1_0000_0000;
    const keys = Array.from({ length: 50_000 }, (_, i) => `id ${i % 20_000} x`); // from line 20,001 on, repeats of line 1 on
    keys.forEach((key, i) => {
      cell.setText(key);
      overflow.push(cell.h1, cell.h2, 7 * FILE + i + 1);
    });
    const late = overflow.lateDuplicates() as LateDuplicates;
    expect(late.at.length).toBe(30_000);
    for (let k = 0; k < late.at.length; k++) {
      const line = late.at[k]! - 7 * FILE;
      expect(line).toBe(20_001 + k);
      expect(late.first[k]).toBe(7 * FILE + ((line - 1) % 20_000) + 1);
    }
    expect(readdirSync(temporary)).toEqual([]);
  });

  test('writes nothing until a key arrives, and says null when none repeats', () => {
    expect(new PartitionedKeyOverflow('survey').lateDuplicates()).toBeNull();
    expect(readdirSync(temporary)).toEqual([]);
    const overflow = new PartitionedKeyOverflow('survey');
    overflow.push(1, 2, 3);
    expect(readdirSync(temporary).length).toBe(1);
    expect(overflow.lateDuplicates()).toBeNull();
    expect(readdirSync(temporary)).toEqual([]);
  });
});

describe('RejectGate', () => {
  const reject = (line: number): Reject => ({ file: 'a.csv', line, column: null, field: 'id', value: `v${line} é`, reason: 'r' });

  test('passes rejects on, holds them once told, and releases them in order, past what memory holds', () => {
    const out: Reject[] = [];
    const gate = new RejectGate((r) => out.push(r));
    gate.emit(reject(1), false);
    gate.hold();
    for (let line = 2; line <= 25_000; line++) gate.emit(reject(line), line % 10 === 0);
    expect(out.map((r) => r.line)).toEqual([1]);
    expect(readdirSync(temporary).length).toBe(1); // past 10,000 held: in a temporary file
    gate.release();
    expect(out).toEqual(Array.from({ length: 25_000 }, (_, i) => reject(i + 1)));
    expect(gate.duplicates).toBe(2500);
    expect(readdirSync(temporary)).toEqual([]);
  });

  test('on a second read, skips what already went out and drops what was held', () => {
    const out: number[] = [];
    const gate = new RejectGate((r) => out.push(r.line));
    for (const line of [1, 2]) gate.emit(reject(line), line === 2);
    gate.hold();
    for (let line = 3; line <= 12_000; line++) gate.emit(reject(line), false);
    gate.restart();
    for (let line = 1; line <= 5; line++) gate.emit(reject(line), line === 2 || line === 4);
    gate.release();
    expect(out).toEqual([1, 2, 3, 4, 5]);
    expect(gate.duplicates).toBe(2);
    expect(readdirSync(temporary)).toEqual([]);
  });
});
