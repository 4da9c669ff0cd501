/**
 * The keys seen so far (e.g. response_id), for duplicate detection, in flat typed
 * arrays: 16 bytes a slot (a 64-bit hash of the key and where it was first seen),
 * at most three quarters of the slots full (linear probing stays short at that load).
 * A Map of strings costs ~100 bytes a key.
 * Two different keys are taken for one only if both 32-bit hashes collide: for
 * ten million keys the chance that this happens once is about 1 in 300,000.
 */
export class KeySet {
  private capacity = 1 << 12;
  private hashes = new Uint32Array(this.capacity * 2);
  private firstSeen = new Float64Array(this.capacity);
  private count = 0;

  /** The two 32-bit hashes of the key last passed to `add`, for a KeyLog. */
  lastH1 = 0;
  lastH2 = 0;

  /** Adds a key; returns undefined if new, else where it was first seen. */
  add(key: string, location: number): number | undefined {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = (h1 ^ (h1 >>> 16)) >>> 0;
    h2 = (Math.imul(h2 ^ key.length, 0x85ebca6b) ^ (h2 >>> 13)) >>> 0;
    if (h1 === 0 && h2 === 0) h2 = 1;
    this.lastH1 = h1;
    this.lastH2 = h2;
    return this.addHashed(h1, h2, location);
  }

  /** `add` for a key already hashed (a KeyLog entry from another reader). */
  addHashed(h1: number, h2: number, location: number): number | undefined {
    const slot = this.find(h1, h2);
    if (this.hashes[slot * 2] !== 0 || this.hashes[slot * 2 + 1] !== 0) return this.firstSeen[slot];
    this.hashes[slot * 2] = h1;
    this.hashes[slot * 2 + 1] = h2;
    this.firstSeen[slot] = location;
    if (++this.count * 4 > this.capacity * 3) this.grow();
    return undefined;
  }

  /** Removes a key (backward-shift deletion: later keys of its probe run move up, no tombstones). */
  remove(h1: number, h2: number): void {
    const mask = this.capacity - 1;
    const hashes = this.hashes;
    let hole = this.find(h1, h2);
    if (hashes[hole * 2] === 0 && hashes[hole * 2 + 1] === 0) return;
    this.count--;
    let j = hole;
    for (;;) {
      j = (j + 1) & mask;
      const a = hashes[j * 2]!;
      if (a === 0 && hashes[j * 2 + 1] === 0) break;
      const home = a & mask;
      // The key at j may fill the hole only if its home slot is not cyclically in (hole, j].
      const stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (stays) continue;
      hashes[hole * 2] = a;
      hashes[hole * 2 + 1] = hashes[j * 2 + 1]!;
      this.firstSeen[hole] = this.firstSeen[j]!;
      hole = j;
    }
    hashes[hole * 2] = 0;
    hashes[hole * 2 + 1] = 0;
  }

  /** The key's slot, or the empty slot where it would go. */
  private find(h1: number, h2: number): number {
    const mask = this.capacity - 1;
    let slot = h1 & mask;
    for (;;) {
      const a = this.hashes[slot * 2]!;
      const b = this.hashes[slot * 2 + 1]!;
      if ((a === 0 && b === 0) || (a === h1 && b === h2)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  get size(): number {
    return this.count;
  }

  private grow(): void {
    const oldHashes = this.hashes;
    const oldSeen = this.firstSeen;
    const oldCapacity = this.capacity;
    this.capacity *= 2;
    this.hashes = new Uint32Array(this.capacity * 2);
    this.firstSeen = new Float64Array(this.capacity);
    const mask = this.capacity - 1;
    for (let i = 0; i < oldCapacity; i++) {
      const a = oldHashes[i * 2]!;
      const b = oldHashes[i * 2 + 1]!;
      if (a === 0 && b === 0) continue;
      let slot = a & mask;
      while (this.hashes[slot * 2] !== 0 || this.hashes[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      this.hashes[slot * 2] = a;
      this.hashes[slot * 2 + 1] = b;
      this.firstSeen[slot] = oldSeen[i]!;
    }
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
