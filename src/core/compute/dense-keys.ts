// Keys with a dense id, kept by id in chunks (packed once passed): the compact store of KeySet.

/** Ids a chunk holds. */
export const CHUNK = 4096;
/** A chunk's slot holding its file's index + 1 (0 until its first key). */
export const CHUNK_FILE = CHUNK;
/** A chunk's slot that is 1 once some key of its ids went to the hash table (another file's). */
export const CHUNK_SPILLED = CHUNK + 1;
/** A chunk's slot that is 1 once it was unpacked: it then stays unpacked. */
const CHUNK_PINNED = CHUNK + 2;
export const CHUNK_SLOTS = CHUNK + 3;
/** Chunks a set may hold before it checks that they are full enough to be worth it (4 MB). */
const FREE_CHUNKS = 256;
/** Words of a packed chunk's bitmap of the ids it holds. */
const PRESENT_WORDS = CHUNK / 32;
/** A chunk is packed only into at most this many words (a quarter of its 4-byte lines). */
const MAX_PACKED_WORDS = CHUNK / 4;
/** Emptied chunks kept for reuse. */
const SPARE_CHUNKS = 4;

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
    /** Keys it holds. */
    readonly keys: number,
  ) {}
}

/**
 * A chunk of a finished reader's set as plain data (what a worker sends for a piece): packed
 * (`words`, `base`) or as its slots (`lines`), with lines counted from the piece's start.
 */
export interface ChunkState {
  /** The chunk's number: its first id is index × CHUNK. */
  readonly index: number;
  readonly keys: number;
  /** The chunk's slots (see CHUNK_SLOTS), when it is not packed. */
  readonly lines: Uint32Array | null;
  /** A packed chunk's words and base (see PackedChunk), when `lines` is null. */
  readonly words: Uint32Array | null;
  readonly base: number;
  /** The index + 1 of the file its lines are in. */
  readonly file: number;
  readonly spilled: boolean;
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
    if (keys === 0) base = previous = offset;
    else if (offset < previous) return null;
    steps += offset - previous;
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
  return new PackedChunk(words, base, chunk[CHUNK_FILE]!, chunk[CHUNK_SPILLED]!, keys);
}

/** A chunk state's slots: its own, or its packed form written into `scratch`. */
export function chunkLines(state: ChunkState, scratch: Uint32Array): Uint32Array {
  if (state.lines !== null) return state.lines;
  scratch.fill(0);
  unpack(new PackedChunk(state.words!, state.base, state.file, 0, state.keys), scratch);
  return scratch;
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
 * order take 4 bytes each, and a chunk is packed and unpacked at most once.
 * A key of a chunk's ids first seen in another file (a chunk that straddles two files) goes
 * to the hash table, and the chunk is marked so that its absent keys are looked for there
 * too. When ids turn out sparse (past FREE_CHUNKS, fewer than a quarter of the chunks' slots
 * used), the set stops making chunks: a key whose chunk does not exist then goes to the hash
 * table. A key's place never changes while it is in the set, since chunks are never dropped
 * (except by clear) and once stopped, no chunk is made again.
 */
export class DenseKeys {
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
    if (this.spare.length < SPARE_CHUNKS) this.spare.push(last);
  }

  /** Bytes the chunks take (their arrays, not the maps that hold them). */
  get bytes(): number {
    let bytes = this.chunks.size * CHUNK_SLOTS * 4;
    for (const packed of this.packed.values()) bytes += packed.words.byteLength;
    return bytes;
  }

  /** Every chunk as plain data, packed ones as they are, the others copied (the set is reused). */
  exportChunks(): ChunkState[] {
    const states: ChunkState[] = [];
    for (const [index, p] of this.packed) states.push({ index, keys: p.keys, lines: null, words: p.words, base: p.base, file: p.file, spilled: p.spilled === 1 });
    for (const [index, chunk] of this.chunks) {
      let keys = 0;
      for (let i = 0; i < CHUNK; i++) if (chunk[i] !== 0) keys++;
      if (keys > 0) states.push({ index, keys, lines: chunk.slice(), words: null, base: 0, file: chunk[CHUNK_FILE]!, spilled: chunk[CHUNK_SPILLED] === 1 });
    }
    return states;
  }

  /**
   * Whether `states` (another reader's chunks, of ids not in this set's hash table) can be
   * taken as they are: none spilled, each either new here — while the set still makes chunks
   * and would after taking them — or meeting a chunk here of the same file that is not spilled.
   */
  canAdopt(states: readonly ChunkState[]): boolean {
    if (this.stopped) return false;
    let made = this.chunks.size + this.packed.size;
    let count = this.count;
    for (const state of states) {
      if (state.spilled) return false;
      const here = this.chunks.get(state.index);
      const packed = here === undefined ? this.packed.get(state.index) : undefined;
      if (here !== undefined || packed !== undefined) {
        const file = here !== undefined ? here[CHUNK_FILE]! : packed!.file;
        const spilled = here !== undefined ? here[CHUNK_SPILLED] === 1 : packed!.spilled === 1;
        if (spilled || (file !== 0 && file !== state.file)) return false;
      } else {
        made++;
      }
      count += state.keys;
    }
    return made < FREE_CHUNKS || count * 4 >= made * CHUNK;
  }

  /** Whether some id of `state` is held here already (states that canAdopt accepted). */
  overlaps(state: ChunkState): boolean {
    const here = this.chunks.get(state.index);
    const packed = here === undefined ? this.packed.get(state.index) : undefined;
    if (here === undefined && packed === undefined) return false;
    const theirs = chunkLines(state, this.scratch);
    if (here !== undefined) {
      for (let i = 0; i < CHUNK; i++) if (theirs[i] !== 0 && here[i] !== 0) return true;
      return false;
    }
    const bitmap = packed!.words;
    for (let i = 0; i < CHUNK; i++) if (theirs[i] !== 0 && ((bitmap[i >>> 5]! >>> (i & 31)) & 1) === 1) return true;
    return false;
  }

  private readonly scratch = new Uint32Array(CHUNK_SLOTS);

  /**
   * Takes a chunk of another reader (accepted by canAdopt, no id overlapping), its lines
   * shifted by `offset`: a new packed chunk stays packed, a new unpacked one is copied, and one
   * meeting a chunk here is written into it. The last unpacked chunk taken becomes the one the
   * set is writing (packed once the set moves past it), as if its keys had been added here.
   */
  adopt(states: readonly ChunkState[], offset: number): void {
    let latest = -1;
    for (const state of states) {
      let here = this.chunks.get(state.index);
      if (here === undefined && this.packed.has(state.index)) {
        here = this.chunkOf(state.index * CHUNK, false)!; // unpacked for good, as for any key of a packed chunk
      }
      if (here === undefined && state.words !== null) {
        this.packed.set(state.index, new PackedChunk(state.words, state.base + offset, state.file, 0, state.keys));
      } else {
        const lines = chunkLines(state, this.scratch);
        const into = here ?? (this.chunks.set(state.index, this.freshChunk()), this.chunks.get(state.index)!);
        for (let i = 0; i < CHUNK; i++) if (lines[i] !== 0) into[i] = lines[i]! + offset;
        into[CHUNK_FILE] = state.file;
        if (here === undefined && state.lines !== null) into[CHUNK_PINNED] = state.lines[CHUNK_PINNED]!;
        latest = Math.max(latest, state.index);
      }
      this.count += state.keys;
    }
    if (latest >= 0) this.chunkOf(latest * CHUNK, false);
  }

  clear(): void {
    for (const chunk of this.chunks.values()) {
      if (this.spare.length >= SPARE_CHUNKS) break;
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
