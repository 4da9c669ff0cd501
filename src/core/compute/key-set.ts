import { CHUNK, CHUNK_FILE, CHUNK_SLOTS, CHUNK_SPILLED, chunkLines, DenseKeys, type ChunkState } from './dense-keys.js';
import { denseHash, hashDenseId } from './key-cell.js';
import { doubled, takeBuffer } from './spare-buffers.js';

const FILE = 0x1_0000_0000;

/**
 * Where a key set with a memory budget puts the keys it has no room for: every key first seen
 * once its hash table is full, to be checked for repeats among themselves after the read
 * (LateDuplicates). Keys held in the table are still found as they come.
 */
export interface KeyOverflow {
  push(h1: number, h2: number, location: number): void;
}

/**
 * The keys past the budget that repeat an earlier one (found after a read from its
 * KeyOverflow): the location of each repeat, ascending, and where the key was first seen.
 * A second read with these, the same rows in the same order, gives every row the answer a
 * set without a budget would have given.
 */
export interface LateDuplicates {
  readonly at: Float64Array;
  readonly first: Float64Array;
}

/** Whether a sorted list holds a value (binary search). */
function isListed(sorted: Float64Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = sorted[middle]!;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** How a set with a budget treats keys past it: put aside (a first read), or answered from a list (a second read). */
export type KeyBudget =
  | { readonly maxSlots: number; readonly overflow: KeyOverflow }
  | { readonly maxSlots: number; readonly late: LateDuplicates };

/**
 * The keys seen so far (e.g. response_id), for duplicate detection. Keys with a dense id are
 * kept by id (DenseKeys); the others in one flat typed array:
 * 16 bytes a slot (a 64-bit hash of the key, and the file and line where it was first seen,
 * side by side so a probe touches one cache line), at most three quarters of the slots full
 * (linear probing stays short at that load). A Map of strings costs ~100 bytes a key.
 * Two different keys are taken for one only if both 32-bit hashes collide: for
 * ten million keys the chance that this happens once is about 1 in 300,000.
 */
export class KeySet {
  private readonly dense = new DenseKeys();
  private capacity: number;
  private slots: Uint32Array;
  /** Keys in the hash table. */
  private count = 0;
  /** The table's largest size (a power of 2): at three quarters of it, the table is full. */
  private readonly maxSlots: number;
  private readonly overflow: KeyOverflow | null = null;
  private readonly late: LateDuplicates | null = null;
  /** The next entry of `late` that a row may be (rows come in the order of their locations). */
  private lateCursor = 0;
  /** True once the table holds all it may: later new keys go past the budget. */
  private full = false;
  /** Whether the last key `add` took went into a dense id's chunk (not the hash table, nor past the budget). */
  chunked = false;

  /**
   * `expected`: about how many keys will be added (sizes the table once instead of growing
   * it). `budget`: at most `maxSlots` slots (a power of 2, 16 bytes each) in the table; the
   * keys first seen once it is three quarters full go to the budget's overflow, or are
   * answered from its list of late duplicates. Without one, the table grows as it must.
   * With one, keys must come in the order of their locations, as a read gives them.
   */
  constructor(expected = 0, budget?: KeyBudget) {
    this.maxSlots = budget ? Math.max(1 << 12, budget.maxSlots) : 1 << 28;
    if (budget && 'overflow' in budget) this.overflow = budget.overflow;
    if (budget && 'late' in budget) this.late = budget.late;
    let capacity = 1 << 12;
    while (capacity * 3 < expected * 4 && capacity < Math.min(1 << 26, this.maxSlots)) capacity *= 2;
    this.capacity = capacity;
    this.slots = new Uint32Array(capacity * 4);
  }

  /** True when keys have gone past the budget (in a first read: the overflow must be checked). */
  get overflowed(): boolean {
    return this.full;
  }

  /**
   * Adds a key (its two hashes and its dense id or -1, as KeyCell gives them); returns
   * undefined if new, else where it was first seen (file × 2^32 + line).
   */
  add(h1: number, h2: number, id: number, location: number): number | undefined {
    this.chunked = false;
    if (id >= 0) {
      const dense = this.dense;
      const chunk = dense.chunkOf(id, true);
      if (chunk !== null) {
        const at = id - dense.lastIndex * CHUNK; // not id % CHUNK: ids past 2^31 make that a slow float modulo
        const line = chunk[at]!;
        if (line !== 0) return (chunk[CHUNK_FILE]! - 1) * FILE + line - 1;
        const file = Math.floor(location / FILE);
        if (chunk[CHUNK_FILE] === 0) chunk[CHUNK_FILE] = file + 1;
        if (chunk[CHUNK_FILE] !== file + 1) {
          chunk[CHUNK_SPILLED] = 1;
          hashDenseId(id);
          return this.addHashed(denseHash.h1, denseHash.h2, location);
        }
        if (chunk[CHUNK_SPILLED] === 1) {
          hashDenseId(id);
          const first = this.firstHashed(denseHash.h1, denseHash.h2);
          if (first !== undefined) return first;
          // The key may be one put past the budget, from another file: it is treated like them.
          if (this.full) return this.pastTheBudget(denseHash.h1, denseHash.h2, location);
        }
        chunk[at] = location - file * FILE + 1;
        dense.count++;
        this.chunked = true;
        return undefined;
      }
      hashDenseId(id); // no chunk for it: the hash table keeps it
      return this.addHashed(denseHash.h1, denseHash.h2, location);
    }
    return this.addHashed(h1, h2, location);
  }

  private addHashed(h1: number, h2: number, location: number): number | undefined {
    const slot = this.find(h1, h2);
    const s = this.slots;
    const at = slot * 4;
    if (s[at] !== 0 || s[at + 1] !== 0) return s[at + 2]! * FILE + s[at + 3]!;
    if (this.full) return this.pastTheBudget(h1, h2, location);
    s[at] = h1;
    s[at + 1] = h2;
    s[at + 2] = Math.floor(location / FILE);
    s[at + 3] = location % FILE;
    if (++this.count * 4 >= this.capacity * 3) {
      if (this.capacity < this.maxSlots) this.grow();
      else this.full = true;
    }
    return undefined;
  }

  /** A key not held, first seen once the table is full: put aside, or answered from the late duplicates. */
  private pastTheBudget(h1: number, h2: number, location: number): number | undefined {
    const late = this.late;
    if (late === null) {
      this.overflow?.push(h1, h2, location);
      return undefined;
    }
    const at = late.at;
    let i = this.lateCursor;
    while (i < at.length && at[i]! < location) i++;
    this.lateCursor = i;
    return i < at.length && at[i] === location ? late.first[i] : undefined;
  }

  /** Removes a key. */
  remove(h1: number, h2: number, id: number): void {
    if (id < 0) {
      this.removeHashed(h1, h2);
      return;
    }
    const chunk = this.dense.chunkOf(id, false);
    const at = chunk === null ? -1 : id - this.dense.lastIndex * CHUNK;
    if (chunk !== null && chunk[at] !== 0) {
      chunk[at] = 0;
      this.dense.count--;
    } else if (chunk === null || chunk[CHUNK_SPILLED] === 1) {
      // Only a chunk's spilled keys, and keys without a chunk, are in the hash table.
      hashDenseId(id);
      this.removeHashed(denseHash.h1, denseHash.h2);
    }
  }

  /** Backward-shift deletion: later keys of its probe run move up, no tombstones. */
  private removeHashed(h1: number, h2: number): void {
    const mask = this.capacity - 1;
    const s = this.slots;
    let hole = this.find(h1, h2);
    if (s[hole * 4] === 0 && s[hole * 4 + 1] === 0) return;
    this.count--;
    let j = hole;
    for (;;) {
      j = (j + 1) & mask;
      const a = s[j * 4]!;
      if (a === 0 && s[j * 4 + 1] === 0) break;
      const home = a & mask;
      // The key at j may fill the hole only if its home slot is not cyclically in (hole, j].
      const stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (stays) continue;
      s.copyWithin(hole * 4, j * 4, j * 4 + 4);
      hole = j;
    }
    s.fill(0, hole * 4, hole * 4 + 4);
  }

  /** Where a key of the hash table was first seen, or undefined when it is not there. */
  private firstHashed(h1: number, h2: number): number | undefined {
    const at = this.find(h1, h2) * 4;
    const s = this.slots;
    return s[at] === 0 && s[at + 1] === 0 ? undefined : s[at + 2]! * FILE + s[at + 3]!;
  }

  /** The key's slot, or the empty slot where it would go. */
  private find(h1: number, h2: number): number {
    const mask = this.capacity - 1;
    const s = this.slots;
    let slot = h1 & mask;
    for (;;) {
      const a = s[slot * 4]!;
      const b = s[slot * 4 + 1]!;
      if ((a === 0 && b === 0) || (a === h1 && b === h2)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  get size(): number {
    return this.count + this.dense.count;
  }

  /** Bytes the keys take: the hash table and the dense ids' chunks. */
  get bytes(): number {
    return this.slots.byteLength + this.dense.bytes;
  }

  /**
   * Makes room for about `total` keys at once (one rehash instead of one per doubling): in the
   * hash table, the share of them that the keys so far suggest will not have a dense id.
   */
  reserve(total: number): void {
    this.makeRoom(this.size > 0 ? Math.ceil((total * this.count) / this.size) : total);
  }

  /** Grows the hash table (within the budget) to hold `keys` keys at three quarters full. */
  private makeRoom(keys: number): void {
    let capacity = this.capacity;
    while (keys * 4 > capacity * 3 && capacity < this.maxSlots) capacity *= 2;
    if (capacity > this.capacity) this.grow(capacity);
  }

  /** The dense ids' chunks as plain data (see DenseKeys.exportChunks). */
  exportChunks(): ChunkState[] {
    return this.dense.exportChunks();
  }

  /** Empties the set, keeping its table (a reader of many pieces reuses one set). */
  clear(): void {
    if (this.count > 0) this.slots.fill(0);
    this.count = 0;
    this.full = false;
    this.lateCursor = 0;
    this.dense.clear();
  }

  /**
   * Adds keys that are distinct among themselves (one reader's keys: its KeyLog and dense
   * chunks), their locations shifted by `offset` — or none, returning false, when one of them
   * is already here. Chunks are taken whole when they can be (ids in order: a piece's chunks
   * are new here but for the one it shares with the piece before); otherwise their keys are
   * added one by one, with the log's, in the order of their locations.
   * (Adding keys in home-slot order, reading slots ahead, was measured no faster:
   * `node bench/run.mjs key-merge`.)
   */
  addAll(log: LoggedKeys, offset: number): boolean {
    const chunks = log.chunks ?? [];
    if (chunks.length === 0) return this.addLogged(log, offset);
    if (!this.takesChunksWhole(log)) return this.addLogged(withChunkKeys(log), offset);
    for (const chunk of chunks) if (this.dense.overlaps(chunk)) return false;
    if (!this.addLogged(log, offset)) return false;
    this.dense.adopt(chunks, offset);
    return true;
  }

  /**
   * Whether a log's chunks can be taken whole: its other keys are all hashed (none of them can
   * change the chunks here), none may go past the budget, and the dense keys accept them.
   */
  private takesChunksWhole(log: LoggedKeys): boolean {
    if (this.late !== null || this.mayOverflow(log.size)) return false;
    for (let i = 0; i < log.size; i++) if (log.ids[i]! >= 0) return false;
    return this.dense.canAdopt(log.chunks ?? []);
  }

  /** addAll for keys all in the log. */
  private addLogged(log: LoggedKeys, offset: number): boolean {
    const n = log.size;
    const { hashes, ids, locations } = log;
    let hashed = 0; // keys without a dense id: the ones the hash table takes
    for (let i = 0; i < n; i++) if (ids[i]! < 0) hashed++;
    this.makeRoom(this.count + hashed);
    if (this.mayOverflow(n)) {
      // Keys may go past the budget, where they cannot be taken back: look for a repeat first.
      if (this.holdsAnyOf(log, offset)) return false;
      for (let i = 0; i < n; i++) {
        // A full table takes no key, so a key without a dense id, just found absent, goes straight past the budget.
        if (this.full && ids[i]! < 0) this.pastTheBudget(hashes[i * 2]!, hashes[i * 2 + 1]!, locations[i]! + offset);
        else this.add(hashes[i * 2]!, hashes[i * 2 + 1]!, ids[i]!, locations[i]! + offset);
      }
      return true;
    }
    for (let i = 0; i < n; i++) {
      if (this.add(hashes[i * 2]!, hashes[i * 2 + 1]!, ids[i]!, locations[i]! + offset) === undefined) continue;
      for (let j = 0; j < i; j++) this.remove(hashes[j * 2]!, hashes[j * 2 + 1]!, ids[j]!);
      return false;
    }
    return true;
  }

  /** Whether adding `n` more keys may put some past the budget (where addAll cannot take them back). */
  mayOverflow(n: number): boolean {
    return this.full || (this.count + n) * 4 >= this.maxSlots * 3;
  }

  /**
   * Whether one of a log's keys (its locations shifted by `offset`) was seen already: held, or
   * (a second read) listed as a late duplicate.
   */
  holdsAnyOf(log: LoggedKeys, offset: number): boolean {
    if ((log.chunks?.length ?? 0) > 0) return this.holdsAnyOf(withChunkKeys(log), offset);
    const { hashes, ids, locations } = log;
    for (let i = 0; i < log.size; i++) if (this.has(hashes[i * 2]!, hashes[i * 2 + 1]!, ids[i]!)) return true;
    // Listed rows all come after the table filled up, maybe later in this very log.
    if (this.late !== null && this.late.at.length > 0) {
      for (let i = 0; i < log.size; i++) if (isListed(this.late.at, locations[i]! + offset)) return true;
    }
    return false;
  }

  /** Whether a key is held (in a chunk or in the table; not one put past the budget). */
  private has(h1: number, h2: number, id: number): boolean {
    if (id < 0) return this.firstHashed(h1, h2) !== undefined;
    const chunk = this.dense.chunkOf(id, false);
    if (chunk !== null && chunk[id - this.dense.lastIndex * CHUNK] !== 0) return true;
    // Only a chunk's spilled keys, and keys without a chunk, are in the hash table.
    if (chunk !== null && chunk[CHUNK_SPILLED] !== 1) return false;
    hashDenseId(id);
    return this.firstHashed(denseHash.h1, denseHash.h2) !== undefined;
  }

  /** Removes keys added by addAll. */
  removeAll(log: LoggedKeys): void {
    for (const chunk of log.chunks ?? []) forEachKey(chunk, (id) => this.remove(0, 0, id));
    for (let i = 0; i < log.size; i++) this.remove(log.hashes[i * 2]!, log.hashes[i * 2 + 1]!, log.ids[i]!);
  }

  private grow(capacity = this.capacity * 2): void {
    const old = this.slots;
    this.capacity = capacity;
    const s = new Uint32Array(this.capacity * 4);
    const mask = this.capacity - 1;
    for (let i = 0; i < old.length; i += 4) {
      const a = old[i]!;
      const b = old[i + 1]!;
      if (a === 0 && b === 0) continue;
      let at = (a & mask) * 4;
      while (s[at] !== 0 || s[at + 1] !== 0) at = (at + 4) & (mask * 4 + 3);
      s[at] = a;
      s[at + 1] = b;
      s[at + 2] = old[i + 2]!;
      s[at + 3] = old[i + 3]!;
    }
    this.slots = s;
  }
}

/** Keys in the order a reader first saw them (hashes, dense ids and locations), to merge into a KeySet. */
export class KeyLog {
  hashes = new Uint32Array(takeBuffer(8192));
  ids = new Float64Array(takeBuffer(8192));
  locations = new Float64Array(takeBuffer(8192));
  size = 0;

  /** Empty again, on buffers of its own (the last ones were sent away with the log). */
  reset(): void {
    this.hashes = new Uint32Array(takeBuffer(8192));
    this.ids = new Float64Array(takeBuffer(8192));
    this.locations = new Float64Array(takeBuffer(8192));
    this.size = 0;
  }

  push(h1: number, h2: number, id: number, location: number): void {
    if (this.size === this.locations.length) {
      this.hashes = doubled(this.hashes, (buffer) => new Uint32Array(buffer));
      this.ids = doubled(this.ids, (buffer) => new Float64Array(buffer));
      this.locations = doubled(this.locations, (buffer) => new Float64Array(buffer));
    }
    this.hashes[this.size * 2] = h1;
    this.hashes[this.size * 2 + 1] = h2;
    this.ids[this.size] = id;
    this.locations[this.size++] = location;
  }
}

/**
 * One reader's keys as plain data (what a worker sends): the keys its hash table took, in
 * order (a KeyLog), and its dense ids' chunks, which hold every other key.
 */
export type LoggedKeys = Pick<KeyLog, 'hashes' | 'ids' | 'locations' | 'size'> & { readonly chunks?: readonly ChunkState[] };

/** How many keys a reader's keys hold. */
export function loggedKeyCount(log: LoggedKeys): number {
  let n = log.size;
  for (const chunk of log.chunks ?? []) n += chunk.keys;
  return n;
}

const chunkScratch = new Uint32Array(CHUNK_SLOTS);

/** Calls `each` with every id a chunk state holds and its location (file × 2^32 + line). */
function forEachKey(chunk: ChunkState, each: (id: number, location: number) => void): void {
  const lines = chunkLines(chunk, chunkScratch);
  const first = chunk.index * CHUNK;
  const file = (chunk.file - 1) * FILE;
  for (let i = 0; i < CHUNK; i++) if (lines[i] !== 0) each(first + i, file + lines[i]! - 1);
}

/** The log with its chunks' keys merged in, in the order of their locations, and no chunks. */
function withChunkKeys(log: LoggedKeys): LoggedKeys {
  const extra: { id: number; location: number }[] = [];
  for (const chunk of log.chunks ?? []) forEachKey(chunk, (id, location) => extra.push({ id, location }));
  extra.sort((a, b) => a.location - b.location);
  const size = log.size + extra.length;
  const merged = { hashes: new Uint32Array(size * 2), ids: new Float64Array(size), locations: new Float64Array(size), size };
  let i = 0;
  let j = 0;
  for (let k = 0; k < size; k++) {
    if (j >= extra.length || (i < log.size && log.locations[i]! <= extra[j]!.location)) {
      merged.hashes[k * 2] = log.hashes[i * 2]!;
      merged.hashes[k * 2 + 1] = log.hashes[i * 2 + 1]!;
      merged.ids[k] = log.ids[i]!;
      merged.locations[k] = log.locations[i++]!;
    } else {
      merged.ids[k] = extra[j]!.id;
      merged.locations[k] = extra[j++]!.location;
    }
  }
  return merged;
}
