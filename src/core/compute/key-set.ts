/**
 * The row's key as the decoder hashed it: once per row, however many runs read the row, and
 * from the cell's bytes when it is plain ASCII (no string is built for an id column).
 */
export class KeyCell {
  /** False for a row without a usable key (blank or invalid): it is not checked. */
  present = false;
  h1 = 0;
  h2 = 0;
  /** The key's text, built only for a duplicate's message. */
  text: () => string = () => '';

  /** Hashes a key given as text. Both hashes of a key are never 0 together (0/0 marks a free slot). */
  setText(key: string): void {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.finish(h1, h2, key.length);
  }

  /**
   * Hashes bytes[start, end) as setText would hash the same text, when every byte is ASCII
   * (a character code is then its byte). False, and nothing set, on a non-ASCII byte.
   */
  setAsciiBytes(bytes: Uint8Array, start: number, end: number): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = start; i < end; i++) {
      const c = bytes[i]!;
      if (c >= 0x80) return false;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.finish(h1, h2, end - start);
    return true;
  }

  private finish(h1: number, h2: number, length: number): void {
    h1 = (h1 ^ (h1 >>> 16)) >>> 0;
    h2 = (Math.imul(h2 ^ length, 0x85ebca6b) ^ (h2 >>> 13)) >>> 0;
    if (h1 === 0 && h2 === 0) h2 = 1;
    this.h1 = h1;
    this.h2 = h2;
    this.present = true;
  }
}

const FILE = 0x1_0000_0000;

/**
 * The keys seen so far (e.g. response_id), for duplicate detection, in one flat typed array:
 * 16 bytes a slot (a 64-bit hash of the key, and the file and line where it was first seen,
 * side by side so a probe touches one cache line), at most three quarters of the slots full
 * (linear probing stays short at that load). A Map of strings costs ~100 bytes a key.
 * Two different keys are taken for one only if both 32-bit hashes collide: for
 * ten million keys the chance that this happens once is about 1 in 300,000.
 */
export class KeySet {
  private capacity: number;
  private slots: Uint32Array;
  private count = 0;

  /** `expected`: about how many keys will be added (sizes the table once instead of growing it). */
  constructor(expected = 0) {
    let capacity = 1 << 12;
    while (capacity * 3 < expected * 4 && capacity < 1 << 26) capacity *= 2;
    this.capacity = capacity;
    this.slots = new Uint32Array(capacity * 4);
  }

  /** Adds a key; returns undefined if new, else where it was first seen (file × 2^32 + line). */
  addHashed(h1: number, h2: number, location: number): number | undefined {
    const slot = this.find(h1, h2);
    const s = this.slots;
    const at = slot * 4;
    if (s[at] !== 0 || s[at + 1] !== 0) return s[at + 2]! * FILE + s[at + 3]!;
    s[at] = h1;
    s[at + 1] = h2;
    s[at + 2] = Math.floor(location / FILE);
    s[at + 3] = location % FILE;
    if (++this.count * 4 > this.capacity * 3) this.grow();
    return undefined;
  }

  /** Removes a key (backward-shift deletion: later keys of its probe run move up, no tombstones). */
  remove(h1: number, h2: number): void {
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
    return this.count;
  }

  /** Makes room for `total` keys at once (one rehash instead of one per doubling). */
  reserve(total: number): void {
    let capacity = this.capacity;
    while (total * 4 > capacity * 3 && capacity < 1 << 28) capacity *= 2;
    if (capacity > this.capacity) this.grow(capacity);
  }

  /** Empties the set, keeping its table (a reader of many pieces reuses one set). */
  clear(): void {
    if (this.count > 0) this.slots.fill(0);
    this.count = 0;
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
    const { hashes, locations } = log;
    for (let i = 0; i < n; i++) {
      if (this.addHashed(hashes[i * 2]!, hashes[i * 2 + 1]!, locations[i]! + offset) === undefined) continue;
      for (let j = 0; j < i; j++) this.remove(hashes[j * 2]!, hashes[j * 2 + 1]!);
      return false;
    }
    return true;
  }

  /** Removes keys added by addAll. */
  removeAll(log: LoggedKeys): void {
    for (let i = 0; i < log.size; i++) this.remove(log.hashes[i * 2]!, log.hashes[i * 2 + 1]!);
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


/** Keys in the order a reader first saw them (hashes and locations), to merge into a KeySet. */
export class KeyLog {
  hashes = new Uint32Array(2048);
  locations = new Float64Array(1024);
  size = 0;

  push(h1: number, h2: number, location: number): void {
    if (this.size === this.locations.length) {
      const hashes = new Uint32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const locations = new Float64Array(this.locations.length * 2);
      locations.set(this.locations);
      this.locations = locations;
    }
    this.hashes[this.size * 2] = h1;
    this.hashes[this.size * 2 + 1] = h2;
    this.locations[this.size++] = location;
  }
}

/** A KeyLog as plain data (what a worker sends). */
export type LoggedKeys = Pick<KeyLog, 'hashes' | 'locations' | 'size'>;
