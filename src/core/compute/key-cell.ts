// A row's key as read from its cell: its dense id (a number standing for the text) or its hashes.

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

/** The hashes hashDenseId computed last. */
export const denseHash = { h1: 0, h2: 0 };

/** The hashes of the key a dense id stands for (what setText gives its text, were it hashed), into denseHash. */
const denseText = new Uint8Array(32);
export function hashDenseId(id: number): void {
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
  denseHash.h1 = hashed1;
  denseHash.h2 = hashed2;
}

/** The hashes setText gives `key` (for tests: a dense id's are computed by hashDenseId). */
export function hashesOf(key: string): [number, number] {
  const bytes = Uint8Array.from(key, (c) => c.charCodeAt(0));
  hashAscii(bytes, 0, bytes.length);
  return [hashed1, hashed2];
}

/** The hashes hashDenseId gives an id (for tests). */
export function hashesOfDenseId(id: number): [number, number] {
  hashDenseId(id);
  return [denseHash.h1, denseHash.h2];
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
  // One pass: n is the value of the last run of digits, d where that run starts (n is
  // inexact only for runs too long to give an id).
  let n = 0;
  let d = start;
  for (let i = start; i < end; i++) {
    const digit = bytes[i]! - 48;
    if (digit >= 0 && digit <= 9) n = n * 10 + digit;
    else {
      n = 0;
      d = i + 1;
    }
  }
  const digits = end - d;
  if (digits === 0 || (digits > 1 && bytes[d] === 48)) return -1;
  const prefix = d - start;
  if (prefix === 0) return digits > 15 ? -1 : n;
  if (prefix > 3 || digits > 8) return -1;
  let code = prefix;
  for (let i = start; i < d; i++) {
    if (bytes[i]! >= 0x80) return -1;
    code = code * 128 + bytes[i]!;
  }
  return PREFIXED + code * PREFIX_UNIT + n;
}
