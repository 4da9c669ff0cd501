import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KeySet, type KeyOverflow, type LateDuplicates } from '../../core/compute/key-set.js';
import { InputError } from '../../errors.js';
import { makeTempFolder, removeTempFolder } from '../temp/temp-folder.js';

/**
 * Files the keys past the budget are spread over, by the top bits of their hash: 256, so that
 * checking one file's keys (10M keys: 40,000 a file) stays in the CPU's cache.
 */
const PARTITIONS = 256;
const PARTITION_SHIFT = 24;
/** Keys a partition gathers before they are written (16 bytes each: 16 kB, 4 MB for all). */
const BATCH = 1024;
const FILE = 0x1_0000_0000;

const MiB = 1024 * 1024;
/**
 * The default memory for a key set's hash table: 12.6M keys. Past it, a key that repeats one
 * put aside means a second read (10M keys past a 64 MiB table and 18 repeats: 21.6 s instead
 * of 12.4 s), so the default keeps exports of ordinary size in memory.
 */
export const DEFAULT_KEY_MEMORY = 256 * MiB;

/**
 * The most slots a key set's hash table may have (16 bytes each, a power of 2), from
 * RMOS_KEY_MEMORY (bytes; at least 64 kB): 256 MiB by default, 16M slots, 12.6M keys.
 */
export function keyTableSlots(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.RMOS_KEY_MEMORY;
  const bytes = given === undefined || given === '' ? DEFAULT_KEY_MEMORY : Number(given);
  if (!Number.isFinite(bytes) || bytes <= 0) {
    throw new InputError(`RMOS_KEY_MEMORY must be a number of bytes (for example ${DEFAULT_KEY_MEMORY} for 256 MiB), got '${given}'`);
  }
  let slots = 1 << 12;
  while (slots * 2 * 16 <= bytes && slots < 1 << 28) slots *= 2;
  return slots;
}

/**
 * The keys a key set had no room for, written to temporary files by hash (KeyOverflow), and
 * then checked for repeats one file at a time, so that memory stays within one file's keys.
 * Nothing is written until the first key arrives.
 */
export class PartitionedKeyOverflow implements KeyOverflow {
  private folder: string | null = null;
  private fds: number[] = [];
  private batches: Uint32Array[] = [];
  private readonly filled = new Int32Array(PARTITIONS);
  private readonly written = new Float64Array(PARTITIONS);
  private keys = 0;

  /** `source`: the source's id, for messages; `onFirst`: told when the first key arrives. */
  constructor(
    private readonly source: string,
    private readonly onFirst?: () => void,
  ) {}

  /** Keys put here so far. */
  get size(): number {
    return this.keys;
  }

  push(h1: number, h2: number, location: number): void {
    if (this.folder === null) this.open();
    const p = h1 >>> PARTITION_SHIFT;
    const batch = this.batches[p]!;
    const n = this.filled[p]!;
    batch[n * 4] = h1;
    batch[n * 4 + 1] = h2;
    batch[n * 4 + 2] = Math.floor(location / FILE);
    batch[n * 4 + 3] = location % FILE;
    this.keys++;
    if (n + 1 === BATCH) this.flush(p);
    else this.filled[p] = n + 1;
  }

  private open(): void {
    this.onFirst?.();
    try {
      this.folder = makeTempFolder('rmos-keys-');
      for (let p = 0; p < PARTITIONS; p++) {
        this.fds.push(openSync(join(this.folder, `${p}.keys`), 'w+'));
        this.batches.push(new Uint32Array(BATCH * 4));
      }
    } catch (error) {
      this.close();
      throw this.diskError(error);
    }
  }

  private flush(p: number): void {
    const bytes = this.filled[p]! * 16;
    if (bytes === 0) return;
    try {
      let done = 0;
      const view = Buffer.from(this.batches[p]!.buffer, 0, bytes);
      while (done < bytes) done += writeSync(this.fds[p]!, view, done, bytes - done, this.written[p]! + done);
    } catch (error) {
      this.close();
      throw this.diskError(error);
    }
    this.written[p]! += bytes;
    this.filled[p] = 0;
  }

  /**
   * The keys that repeat an earlier one among those put here, each with where it was first
   * seen, ascending by location; null when none repeats. Removes the files.
   */
  lateDuplicates(): LateDuplicates | null {
    if (this.folder === null) return null;
    try {
      const lists: { at: number[]; first: number[] }[] = [];
      let set: KeySet | null = null;
      let buffer = new Uint32Array(0);
      for (let p = 0; p < PARTITIONS; p++) {
        this.flush(p);
        const n = this.written[p]! / 16;
        if (n === 0) continue;
        if (buffer.length < n * 4) buffer = new Uint32Array(n * 4);
        const bytes = Buffer.from(buffer.buffer, 0, n * 16);
        for (let done = 0; done < n * 16; ) {
          const read = readSync(this.fds[p]!, bytes, done, n * 16 - done, done);
          if (read === 0) throw new Error(`${p}.keys ends early`);
          done += read;
        }
        if (set === null) set = new KeySet(n);
        else {
          set.clear();
          set.reserve(n);
        }
        const at: number[] = [];
        const first: number[] = [];
        // The keys were written in the order they were read: the first of a key comes first.
        for (let i = 0; i < n; i++) {
          const location = buffer[i * 4 + 2]! * FILE + buffer[i * 4 + 3]!;
          const seen = set.add(buffer[i * 4]!, buffer[i * 4 + 1]!, -1, location);
          if (seen === undefined) continue;
          at.push(location);
          first.push(seen);
        }
        if (at.length > 0) lists.push({ at, first });
      }
      return lists.length === 0 ? null : mergeAscending(lists);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw this.diskError(error);
    } finally {
      this.close();
    }
  }

  /** Closes and removes the files (also when nothing is asked of them any more). */
  close(): void {
    for (const fd of this.fds) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    this.fds = [];
    this.batches = [];
    if (this.folder !== null) removeTempFolder(this.folder);
    this.folder = null;
  }

  private diskError(error: unknown): InputError {
    return new InputError(
      `${this.source}: more keys than RMOS_KEY_MEMORY holds in memory, and the rest could not be kept in the temporary folder (${(error as Error).message}); ` +
        'free some room in TMPDIR, point TMPDIR at a larger disk, or raise RMOS_KEY_MEMORY',
    );
  }
}

/** Lists each ascending by `at`, merged into one ascending list (in pairs: 8 passes for 256 lists). */
function mergeAscending(lists: readonly { at: number[]; first: number[] }[]): LateDuplicates {
  let round: LateDuplicates[] = lists.map((l) => ({ at: Float64Array.from(l.at), first: Float64Array.from(l.first) }));
  while (round.length > 1) {
    const next: LateDuplicates[] = [];
    for (let i = 0; i < round.length; i += 2) next.push(i + 1 < round.length ? mergeTwo(round[i]!, round[i + 1]!) : round[i]!);
    round = next;
  }
  return round[0]!;
}

function mergeTwo(a: LateDuplicates, b: LateDuplicates): LateDuplicates {
  const at = new Float64Array(a.at.length + b.at.length);
  const first = new Float64Array(at.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < at.length; k++) {
    const fromA = j >= b.at.length || (i < a.at.length && a.at[i]! < b.at[j]!);
    at[k] = fromA ? a.at[i]! : b.at[j]!;
    first[k] = fromA ? a.first[i++]! : b.first[j++]!;
  }
  return { at, first };
}
