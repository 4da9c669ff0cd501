/**
 * Turns field bytes into JS strings. Only called for fields a caller asks for, so the scan
 * itself never allocates strings.
 */

/** Buffer's native slice decoders skip toString()'s encoding dispatch; they are not in @types/node. */
interface NativeSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

// fatal: invalid bytes must become an error, not U+FFFD. ignoreBOM: a field that starts with
// U+FEFF keeps it (the file's own BOM is stripped separately, once).
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Thrown by decodeBytes; the record view turns it into a CsvError with line and column. */
export class InvalidUtf8 extends Error {}

/**
 * Up to this length, building the string in JS beats a native call (~70 ns each): typical ids,
 * scores, flags and short dates.
 */
const SHORT_FIELD = 6;

/** True when bytes[start, end) are all < 0x80. */
export function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if ((bytes[i]! & 0x80) !== 0) return false;
  }
  return true;
}

/**
 * Decodes bytes[start, end) as UTF-8, throwing InvalidUtf8 for malformed bytes. Pure ASCII goes
 * through latin1, which gives the same string and is much faster than UTF-8 decoding.
 */
export function decodeBytes(bytes: Buffer, start: number, end: number): string {
  if (end - start <= SHORT_FIELD) {
    let text = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return decodeUtf8(bytes, start, end);
      text += String.fromCharCode(b);
    }
    return text;
  }
  if (isAscii(bytes, start, end)) return (bytes as unknown as NativeSlices).latin1Slice(start, end);
  return decodeUtf8(bytes, start, end);
}

/**
 * The native lenient decoder is about twice as fast as TextDecoder and turns every malformed
 * sequence into U+FFFD, so the strict decoder only runs when U+FFFD shows up: to tell a genuine
 * U+FFFD in the data from invalid bytes.
 */
function decodeUtf8(bytes: Buffer, start: number, end: number): string {
  const text = (bytes as unknown as NativeSlices).utf8Slice(start, end);
  if (text.includes('\uFFFD')) {
    try {
      strictUtf8.decode(bytes.subarray(start, end));
    } catch {
      throw new InvalidUtf8();
    }
  }
  return text;
}

const QUOTE = 0x22;
let scratch = Buffer.allocUnsafe(256);

/**
 * Unquotes a field that needs more than dropping its outer quotes: raw bytes start at the opening
 * quote; inside quotes `""` is one quote and a lone `"` closes; anything after the close (`"ab"c`)
 * is kept literally, as Excel does. Returns a view of a reused scratch buffer, valid until the next call.
 */
export function unquoteComplex(bytes: Uint8Array, start: number, end: number): Buffer {
  if (scratch.length < end - start) scratch = Buffer.allocUnsafe(Math.max(end - start, scratch.length * 2));
  let out = 0;
  let i = start + 1;
  let quoted = true;
  while (i < end) {
    const b = bytes[i]!;
    if (quoted && b === QUOTE) {
      if (i + 1 < end && bytes[i + 1] === QUOTE) {
        scratch[out++] = QUOTE;
        i += 2;
      } else {
        quoted = false;
        i++;
      }
      continue;
    }
    scratch[out++] = b;
    i++;
  }
  return scratch.subarray(0, out);
}
