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
    const mask = this.capacity - 1;
    let slot = h1 & mask;
    for (;;) {
      const a = this.hashes[slot * 2]!;
      const b = this.hashes[slot * 2 + 1]!;
      if (a === 0 && b === 0) break;
      if (a === h1 && b === h2) return this.firstSeen[slot];
      slot = (slot + 1) & mask;
    }
    this.hashes[slot * 2] = h1;
    this.hashes[slot * 2 + 1] = h2;
    this.firstSeen[slot] = location;
    if (++this.count * 4 > this.capacity * 3) this.grow();
    return undefined;
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
