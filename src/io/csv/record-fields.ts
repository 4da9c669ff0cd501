import { csvErrorAt } from './csv-error.js';
import type { CsvRecord } from './csv-types.js';
import { decodeBytes, InvalidUtf8, unquoteComplex } from './decode-field.js';
import { locateOffset } from './locate-offset.js';

// How a field's [start, end) span is stored. Plain constants: per-file transpilers (esbuild, vitest) do not inline a const enum across files.
/** Unquoted: the span is the value. */
export const PLAIN = 0;
/** Quoted with nothing to unescape: the span is the content between the quotes. */
export const QUOTED_SIMPLE = 1;
/** Quoted with `""` or text after the closing quote: the span is raw, from the opening quote. */
export const QUOTED_COMPLEX = 2;

/**
 * The reusable CsvRecord: byte offsets of each field in the scanner's buffer. Field i's are at
 * index `first + i` of `starts`, `ends` and `kinds`: its own arrays (first 0), filled by
 * splitRecord, or the arrays a ScanKernel wrote a whole buffer's records to. Its own arrays
 * grow by doubling and are never shrunk, so steady-state scanning allocates nothing per record.
 */
export class RecordFields implements CsvRecord {
  line = 0;
  fieldCount = 0;
  /** Buffer the offsets point into; replaced when the scanner grows or swaps buffers. */
  bytes: Buffer = Buffer.alloc(0);
  /** Offset of the record's first byte (always the start of a physical line). */
  recordStart = 0;
  /** False when no field is quoted (splitPlainLine): `kinds` is then stale and every field is PLAIN. */
  quoted = false;
  /** Set by splitRecord: LF bytes inside the record, terminator included. */
  newlines = 0;
  /** Set by splitRecord when it stops inside a quoted field: offset of the opening quote, else -1. */
  openQuoteAt = -1;
  /** Where field 0's offsets and kind are in the arrays. */
  first = 0;
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  private ownStarts = new Int32Array(16);
  private ownEnds = new Int32Array(16);
  private ownKinds = new Uint8Array(16);

  constructor(readonly path: string) {
    this.starts = this.ownStarts;
    this.ends = this.ownEnds;
    this.kinds = this.ownKinds;
  }

  /** Points the record at its own arrays (first 0), for splitRecord to fill. */
  useOwn(): void {
    this.starts = this.ownStarts;
    this.ends = this.ownEnds;
    this.kinds = this.ownKinds;
    this.first = 0;
  }

  /** Doubles the own arrays, keeping their content (splitRecord, when a record has more fields). */
  grow(): void {
    const size = this.ownStarts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const kinds = new Uint8Array(size);
    starts.set(this.ownStarts);
    ends.set(this.ownEnds);
    kinds.set(this.ownKinds);
    this.ownStarts = starts;
    this.ownEnds = ends;
    this.ownKinds = kinds;
    this.useOwn();
  }

  text(i: number): string {
    if (i < 0 || i >= this.fieldCount) return '';
    const start = this.starts[this.first + i]!;
    const end = this.ends[this.first + i]!;
    try {
      if (this.kindOf(i) === QUOTED_COMPLEX) {
        const unquoted = unquoteComplex(this.bytes, start, end);
        return decodeBytes(unquoted, 0, unquoted.length);
      }
      return decodeBytes(this.bytes, start, end);
    } catch (error) {
      if (!(error instanceof InvalidUtf8)) throw error;
      const { line, column } = locateOffset(this.bytes, this.recordStart, this.line, this.rawStart(i));
      throw csvErrorAt(
        'invalid-utf8',
        this.path,
        line,
        column,
        `field ${i + 1} is not valid UTF-8 text; the file was probably saved in a legacy encoding (Windows-1252 / Latin-1): save it as UTF-8 (CSV UTF-8 in Excel) and try again`,
      );
    }
  }

  isEmpty(i: number): boolean {
    // A complex quoted field always has content: `""` yields a quote, trailing text is kept.
    return i < 0 || i >= this.fieldCount || (this.starts[this.first + i] === this.ends[this.first + i] && this.kindOf(i) !== QUOTED_COMPLEX);
  }

  /**
   * True when field i's value is exactly bytes[starts[i], ends[i]) (no quotes to undo), so a
   * byte-level parser may read it in place; false for fields that need unquoting or are absent.
   */
  isRaw(i: number): boolean {
    return i >= 0 && i < this.fieldCount && (!this.quoted || this.kinds[this.first + i] !== QUOTED_COMPLEX);
  }

  column(i: number): number {
    return locateOffset(this.bytes, this.recordStart, this.line, this.rawStart(i)).column;
  }

  fieldLine(i: number): number {
    return locateOffset(this.bytes, this.recordStart, this.line, this.rawStart(i)).line;
  }

  private kindOf(i: number): number {
    return this.quoted ? this.kinds[this.first + i]! : PLAIN;
  }

  /** Offset of the first byte of field i as written (its opening quote if quoted). */
  private rawStart(i: number): number {
    if (this.fieldCount === 0) return this.recordStart;
    if (i < 0) i = 0;
    if (i >= this.fieldCount) {
      const last = this.fieldCount - 1;
      // Just past the last field (and its closing quote) is where a missing field would start.
      return this.ends[this.first + last]! + (this.kindOf(last) === QUOTED_SIMPLE ? 1 : 0);
    }
    return this.starts[this.first + i]! - (this.kindOf(i) === QUOTED_SIMPLE ? 1 : 0);
  }
}
