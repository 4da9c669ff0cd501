import { afterEach, describe, expect, test } from 'vitest';
import { createAccumulator, accumulatorState } from '../../../src/core/compute/accumulators.js';
import { KeyLog } from '../../../src/core/compute/key-set.js';
import { giveBuffer, takeBuffer, useSpareBuffers } from '../../../src/core/compute/spare-buffers.js';

afterEach(() => useSpareBuffers(false));

describe('spare buffers', () => {
  test('are not kept unless turned on', () => {
    const buffer = new ArrayBuffer(8192);
    giveBuffer(buffer);
    expect(takeBuffer(8192)).not.toBe(buffer);
  });

  test('once on, a buffer given back is taken again for the same size only', () => {
    useSpareBuffers(true);
    const buffer = new ArrayBuffer(8192);
    giveBuffer(buffer);
    expect(takeBuffer(16384)).not.toBe(buffer);
    expect(takeBuffer(8192)).toBe(buffer);
    expect(takeBuffer(8192)).not.toBe(buffer); // taken once
  });

  test('keep at most 64 MiB', () => {
    useSpareBuffers(true);
    const big = Array.from({ length: 5 }, () => new ArrayBuffer(16 * 1024 * 1024));
    for (const buffer of big) giveBuffer(buffer);
    const taken = Array.from({ length: 5 }, () => takeBuffer(16 * 1024 * 1024));
    expect(taken.filter((b) => big.includes(b))).toHaveLength(4);
  });

  test('logs built in reused buffers hold exactly what was added, not what the buffers held before', () => {
    useSpareBuffers(true);
    for (let size = 8192; size <= 1 << 20; size *= 2) {
      const stale = new Float64Array(size / 8).fill(-7);
      giveBuffer(stale.buffer);
      giveBuffer(new Uint32Array(size / 4).fill(7).buffer);
    }
    const log = createAccumulator('median', true, 0.5);
    for (let i = 0; i < 50_000; i++) log.add(i);
    const state = accumulatorState(log);
    expect(state.kind === 'replay' && [...state.values]).toEqual(Array.from({ length: 50_000 }, (_, i) => i));
    const keys = new KeyLog();
    for (let i = 0; i < 50_000; i++) keys.push(i, i + 1, i * 2, i * 3);
    expect(keys.size).toBe(50_000);
    expect([keys.hashes[99_998], keys.hashes[99_999], keys.ids[49_999], keys.locations[49_999]]).toEqual([49_999, 50_000, 99_998, 149_997]);
  });
});
