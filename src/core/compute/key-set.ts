import { doubled, takeBuffer } from './spare-buffers.js';

/** The two hashes hashAscii computed last (module state: no object per key). */
let hashed1 = 0;
let hashed2 = 0;

/** Hashes ASCII bytes[start, end) into hashed1/hashed2 (a character code is its byte, so as setText hashes the text). */
function hashAscii(bytes: Uint8Array, start: number, end: number): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  finishHash(h1, h2, end - start);
}

function finishHash(h1: number, h2: number, length: number): void {
  h1 = (h1 ^ (h1 >>> 16)) >>> 0;
  h2 = (Math.imul(h2 ^ length, 0x85ebca6b) ^ (h2 >>> 13)) >>> 0;
  if (h1 === 0 && h2 === 0) h2 = 1; // 0/0 marks a free slot
  hashed1 = h1;
  hashed2 = h2;
}

/**
 * The row's key as the decoder read it: once per row, however many runs read the row, and
 * from the cell's bytes when it is plain ASCII (no string is built for an id column). A key
 * with a dense id is not hashed: a key set works from the id, and hashes it (from the text
 * the id stands for) only in the rare case it needs the hash table (see KeySet).
 */
export class KeyCell {
  /** False for a row without a usable key (blank or invalid): it is not checked. */
  present = false;
  /** The key's hashes; 0 and 0 for a key with a dense id. */
  h1 = 0;
  h2 = 0;
  /** The key as a dense id (see denseId), or -1 when it has no such form. */
  id = -1;
  /** The key's text, built only for a duplicate's message. */
  text: () => string = () => '';

  /** Takes a key given as text. Both hashes of a key are never 0 together (0/0 marks a free slot). */
  setText(key: string): void {
    if (this.setAsciiText(key)) return;
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    finishHash(h1, h2, key.length);
    this.set(hashed1, hashed2, -1); // not ASCII: no dense form
  }

  private scratch = new Uint8Array(64);

  /** An ASCII key hashed through setAsciiBytes, so that text and bytes give the same hash and id. */
  private setAsciiText(key: string): boolean {
    if (key.length > this.scratch.length) this.scratch = new Uint8Array(key.length * 2);
    const scratch = this.scratch;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (c >= 0x80) return false;
      scratch[i] = c;
    }
    return this.setAsciiBytes(scratch, 0, key.length);
  }

  /**
   * Takes bytes[start, end) as setText would take the same text, when every byte is ASCII
   * (a character code is then its byte): its dense id, else its hashes. False, and nothing
   * set, on a non-ASCII byte.
   */
  setAsciiBytes(bytes: Uint8Array, start: number, end: number): boolean {
    const id = denseId(bytes, start, end);
    if (id >= 0) {
      this.set(0, 0, id);
      return true;
    }
    for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return false;
    hashAscii(bytes, start, end);
    this.set(hashed1, hashed2, -1);
    return true;
  }

  private set(h1: number, h2: number, id: number): void {
    this.h1 = h1;
    this.h2 = h2;
    this.id = id;
    this.present = true;
  }
}

/** The hashes of the key a dense id stands for (what setText gives its text, were it hashed), into hashed1/hashed2. */
const denseText = new Uint8Array(32);
function hashDenseId(id: number): void {
  let end = denseText.length;
  let start = end;
  let n = id;
  let code = 0;
  if (id >= PREFIXED) {
    const rest = id - PREFIXED;
    code = Math.floor(rest / PREFIX_UNIT);
    n = rest - code * PREFIX_UNIT;
  }
  do {
    const digit = n % 10;
    denseText[--start] = 48 + digit;
    n = (n - digit) / 10;
  } while (n > 0);
  if (code > 0) {
    // code = length, then the prefix's bytes, in base 128 (see denseId): 1 byte < 256, 2 < 65,536.
    const length = code < 256 ? 1 : code < 65_536 ? 2 : 3;
    for (let i = 0; i < length; i++) {
      denseText[--start] = code % 128;
      code = Math.floor(code / 128);
    }
  }
  hashAscii(denseText, start, end);
}

/** The hashes setText gives `key` (for tests: a dense id's are computed by hashDenseId). */
export function hashesOf(key: string): [number, number] {
  const bytes = Buffer.from(key, 'latin1');
  hashAscii(bytes, 0, bytes.length);
  return [hashed1, hashed2];
}

/** The hashes hashDenseId gives an id (for tests). */
export function hashesOfDenseId(id: number): [number, number] {
  hashDenseId(id);
  return [hashed1, hashed2];
}

/** Ids of keys with a prefix start at 2^50, above every id of a key that is only digits. */
const PREFIXED = 2 ** 50;
const PREFIX_UNIT = 2 ** 27; // > 99,999,999: a prefixed key's number fits below it

/**
 * The key as a number, when its text is a short prefix and a number written without leading
 * zeros: `R-1042`, `T7`, `884213`. Two keys get the same id only if their texts are equal, so
 * a dense id can stand for the key. -1 for every other key (`R-0042`, UUIDs, words).
 *  - Digits only, 1 to 15 of them: the number itself, below 2^50.
 *  - 1 to 3 ASCII bytes, the last not a digit, then 1 to 8 digits: 2^50 + prefix code × 2^27 +
 *    the number, where the code (below 2^23) is the prefix's length and bytes in base 128.
 * Every id is below 2^51, so an exact double. A prefix that is not ASCII gives -1.
 */
export function denseId(bytes: Uint8Array, start: number, end: number): number {
  let d = end;
  while (d > start && bytes[d - 1]! >= 48 && bytes[d - 1]! <= 57) d--;
  const digits = end - d;
  if (digits === 0 || (digits > 1 && bytes[d] === 48)) return -1;
  const prefix = d - start;
  if (prefix === 0 ? digits > 15 : prefix > 3 || digits > 8) return -1;
  let n = 0;
  for (let i = d; i < end; i++) n = n * 10 + (bytes[i]! - 48);
  if (prefix === 0) return n;
  let code = prefix;
  for (let i = start; i < d; i++) {
    if (bytes[i]! >= 0x80) return -1;
    code = code * 128 + bytes[i]!;
  }
  return PREFIXED + code * PREFIX_UNIT + n;
}

const CHUNK = 4096;
/** A chunk's slot holding its file's index + 1 (0 until its first key). */
const CHUNK_FILE = CHUNK;
/** A chunk's slot that is 1 once some key of its ids went to the hash table (another file's). */
const CHUNK_SPILLED = CHUNK + 1;
/** A chunk's slot that is 1 once it was unpacked: it then stays unpacked. */
const CHUNK_PINNED = CHUNK + 2;
const CHUNK_SLOTS = CHUNK + 3;
/** Chunks a set may hold before it checks that they are full enough to be worth it (4 MB). */
const FREE_CHUNKS = 256;
/** Words of a packed chunk's bitmap of the ids it holds. */
const PRESENT_WORDS = CHUNK / 32;
/** A chunk is packed only into at most this many words (a quarter of its 4-byte lines). */
const MAX_PACKED_WORDS = CHUNK / 4;

/**
 * A chunk the set has moved past, in about a bit or two an id instead of 4 bytes: a bitmap of
 * the ids it holds, and their lines as steps. Exports number their rows in order, so a key's
 * line is its index in the chunk plus an offset that only grows, by one for each line break
 * inside a quoted field and for each row without a key in play between two keys. `words`
 * holds the bitmap (PRESENT_WORDS words), then for each key in id order its offset's step
 * from the previous key's, in unary (that many 1 bits, then a 0).
 */
class PackedChunk {
  constructor(
    readonly words: Uint32Array,
    /** (line + 1) − index of the chunk's first key. */
    readonly base: number,
    readonly file: number,
    readonly spilled: number,
  ) {}
}

/** The chunk packed, or null when its offsets do not only grow or it would not be small. */
function pack(chunk: Uint32Array): PackedChunk | null {
  let keys = 0;
  let steps = 0;
  let base = 0;
  let previous = 0;
  const maxBits = (MAX_PACKED_WORDS - PRESENT_WORDS) * 32;
  for (let i = 0; i < CHUNK; i++) {
    const line = chunk[i]!;
    if (line === 0) continue;
    const offset = line - i;
    if (keys === 0) base = offset;
    else if (offset < previous) return null;
    steps += offset - (keys === 0 ? offset : previous);
    if (steps + keys >= maxBits) return null;
    previous = offset;
    keys++;
  }
  const words = new Uint32Array(PRESENT_WORDS + ((keys + steps + 31) >>> 5));
  let bit = PRESENT_WORDS * 32;
  previous = base;
  for (let i = 0; i < CHUNK; i++) {
    const line = chunk[i]!;
    if (line === 0) continue;
    words[i >>> 5]! |= 1 << (i & 31);
    for (let step = line - i - previous; step > 0; step--, bit++) words[bit >>> 5]! |= 1 << (bit & 31);
    bit++; // the 0 that ends this key's steps
    previous = line - i;
  }
  return new PackedChunk(words, base, chunk[CHUNK_FILE]!, chunk[CHUNK_SPILLED]!);
}

/** Writes a packed chunk's lines into `chunk` (all zero) and pins it. */
function unpack(packed: PackedChunk, chunk: Uint32Array): void {
  const words = packed.words;
  let bit = PRESENT_WORDS * 32;
  let offset = packed.base;
  for (let w = 0; w < PRESENT_WORDS; w++) {
    let word = words[w]!;
    while (word !== 0) {
      const i = w * 32 + 31 - Math.clz32(word & -word); // the lowest 1 bit
      word &= word - 1;
      while (((words[bit >>> 5]! >>> (bit & 31)) & 1) === 1) {
        offset++;
        bit++;
      }
      bit++;
      chunk[i] = offset + i;
    }
  }
  chunk[CHUNK_FILE] = packed.file;
  chunk[CHUNK_SPILLED] = packed.spilled;
  chunk[CHUNK_PINNED] = 1;
}

/**
 * Keys with a dense id (denseId), kept by id in chunks of 4,096 ids: each chunk a Uint32Array
 * of first lines (line + 1; 0 is absent), 4 bytes an id, and the index of the one file whose
 * lines it holds. Ids of an export usually run in order (`R-1`, `R-2`, …), so the chunks fill
 * up and are written in order, with no random access into a large table. When the set moves
 * to another chunk, the one it leaves is packed (PackedChunk: a bit or two an id), so that
 * ids in order take next to no memory. A packed chunk is unpacked the first time it is needed
 * again (a key of its ids seen again, added or removed) and then stays unpacked: ids out of
 * order cost what they cost before packing, once per chunk.
 * A key of a chunk's ids first seen in another file (a chunk that straddles two files) goes
 * to the hash table, and the chunk is marked so that its absent keys are looked for there
 * too. When ids turn out sparse (past FREE_CHUNKS, fewer than a quarter of the chunks' slots
 * used), the set stops making chunks: a key whose chunk does not exist then goes to the hash
 * table. A key's place never changes while it is in the set, since chunks are never dropped
 * (except by clear) and once stopped, no chunk is made again.
 */
class DenseKeys {
  count = 0;
  private readonly chunks = new Map<number, Uint32Array>();
  private readonly packed = new Map<number, PackedChunk>();
  private stopped = false;
  /** The index of the chunk chunkOf last returned: its first id is lastIndex × CHUNK. */
  lastIndex = -1;
  private last: Uint32Array | null = null;
  private readonly spare: Uint32Array[] = [];

  /** The chunk of id (created if `create` and the set still makes chunks), or null. */
  chunkOf(id: number, create: boolean): Uint32Array | null {
    const index = Math.floor(id / CHUNK);
    if (index === this.lastIndex) return this.last;
    let chunk = this.chunks.get(index);
    if (chunk === undefined) {
      const packed = this.packed.get(index);
      if (packed !== undefined) {
        chunk = this.freshChunk();
        unpack(packed, chunk);
        this.packed.delete(index);
        this.chunks.set(index, chunk);
      } else {
        if (!create || this.stopped) return null;
        const made = this.chunks.size + this.packed.size;
        if (made >= FREE_CHUNKS && this.count * 4 < made * CHUNK) {
          this.stopped = true;
          return null;
        }
        chunk = this.freshChunk();
        this.chunks.set(index, chunk);
      }
    }
    this.packLast();
    this.lastIndex = index;
    this.last = chunk;
    return chunk;
  }

  private freshChunk(): Uint32Array {
    return this.spare.pop() ?? new Uint32Array(CHUNK_SLOTS);
  }

  /** Packs the chunk the set is leaving, unless it was unpacked once or does not pack small. */
  private packLast(): void {
    const last = this.last;
    if (last === null || last[CHUNK_PINNED] === 1) return;
    const packed = pack(last);
    if (packed === null) {
      last[CHUNK_PINNED] = 1;
      return;
    }
    this.packed.set(this.lastIndex, packed);
    this.chunks.delete(this.lastIndex);
    last.fill(0);
    if (this.spare.length < 4) this.spare.push(last);
  }

  /** Bytes the chunks take (their arrays, not the maps that hold them). */
  get bytes(): number {
    let bytes = this.chunks.size * CHUNK_SLOTS * 4;
    for (const packed of this.packed.values()) bytes += packed.words.byteLength;
    return bytes;
  }

  clear(): void {
    for (const chunk of this.chunks.values()) {
      if (this.spare.length >= 4) break;
      chunk.fill(0);
      this.spare.push(chunk);
    }
    this.chunks.clear();
    this.packed.clear();
    this.count = 0;
    this.stopped = false;
    this.lastIndex = -1;
    this.last = null;
  }
}

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
  /** Keys put past the budget (overflow), or answered from `late`. */
  pastBudget = 0;

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
          return this.addHashed(hashed1, hashed2, location);
        }
        if (chunk[CHUNK_SPILLED] === 1) {
          hashDenseId(id);
          const first = this.firstHashed(hashed1, hashed2);
          if (first !== undefined) return first;
          // The key may be one put past the budget, from another file: it is treated like them.
          if (this.full) return this.pastTheBudget(hashed1, hashed2, location);
        }
        chunk[at] = location - file * FILE + 1;
        dense.count++;
        return undefined;
      }
      hashDenseId(id); // no chunk for it: the hash table keeps it
      return this.addHashed(hashed1, hashed2, location);
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
    this.pastBudget++;
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
    const chunk = id >= 0 ? this.dense.chunkOf(id, false) : null;
    const at = chunk === null ? -1 : id - this.dense.lastIndex * CHUNK;
    if (chunk === null || chunk[at] === 0) {
      if (id >= 0) {
        hashDenseId(id);
        this.removeHashed(hashed1, hashed2);
      } else this.removeHashed(h1, h2);
      return;
    }
    chunk[at] = 0;
    this.dense.count--;
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
    if (this.size > 0) total = Math.ceil((total * this.count) / this.size);
    let capacity = this.capacity;
    while (total * 4 > capacity * 3 && capacity < this.maxSlots) capacity *= 2;
    if (capacity > this.capacity) this.grow(capacity);
  }

  /** Empties the set, keeping its table (a reader of many pieces reuses one set). */
  clear(): void {
    if (this.count > 0) this.slots.fill(0);
    this.count = 0;
    this.full = false;
    this.pastBudget = 0;
    this.lateCursor = 0;
    this.dense.clear();
  }

  /**
   * Adds keys that are distinct among themselves (one reader's KeyLog), their locations
   * shifted by `offset` — or none, returning false, when one of them is already here.
   * (Adding them in home-slot order, reading slots ahead, was measured no faster:
   * `node bench/run.mjs key-merge`.)
   */
  addAll(log: LoggedKeys, offset: number): boolean {
    const n = log.size;
    this.reserve(this.count + n);
    const { hashes, ids, locations } = log;
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
    const chunk = id >= 0 ? this.dense.chunkOf(id, false) : null;
    if (chunk !== null && chunk[id - this.dense.lastIndex * CHUNK] !== 0) return true;
    if (id >= 0) {
      hashDenseId(id);
      return this.firstHashed(hashed1, hashed2) !== undefined;
    }
    return this.firstHashed(h1, h2) !== undefined;
  }

  /** Removes keys added by addAll. */
  removeAll(log: LoggedKeys): void {
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

/** A KeyLog as plain data (what a worker sends). */
export type LoggedKeys = Pick<KeyLog, 'hashes' | 'ids' | 'locations' | 'size'>;
