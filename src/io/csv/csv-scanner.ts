import { csvErrorAt } from './csv-error.js';
import type { CsvScanResult } from './csv-types.js';
import { inspectPrefix, PREFIX_BYTES } from './check-encoding.js';
import { RecordFields } from './record-fields.js';
import { nulByteError, recordTooLargeError, unterminatedQuoteError } from './scan-errors.js';
import type { ScannerSettings } from './scanner-settings.js';
import { sniffDelimiter } from './sniff-delimiter.js';
import { IRREGULAR_QUOTE, RECORD_WORDS, ScanKernel, TABLE_FULL } from './scan-kernel.js';
import { NEED_MORE, splitPlainLine, splitRecord, UNTERMINATED } from './split-record.js';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/** The most bytes split in JavaScript after a record with irregular quoting before the kernel is tried again. */
const MAX_INDEX_BACKOFF = 1024 * 1024;
/** A buffer grown past this (a record of a GB) is a plain one: the kernel's memory stays below 2 GiB. */
const MAX_INDEXED_BYTES = 2 ** 30;

/** The plain read buffer of the last finished scan, for the next (where the kernel is not used). */
let spareBuffer: Buffer | null = null;

/**
 * Push-based CSV scanner over one growable byte buffer. Bytes are written into the free tail
 * (`buffer` from `end`, directly by fs reads or by `append`); when the buffer is full, every
 * complete record is delivered and the unfinished tail moves to the front. The buffer only grows
 * when that tail fills more than half of it, which keeps memory flat for normal files and keeps
 * re-splitting an unfinished record linear for huge ones (see splitRecord).
 *
 * The buffer lives in a ScanKernel's memory when WebAssembly SIMD is there: the kernel then
 * finds the buffer's records 64 bytes at a time (scan-records.wat) and writes their fields' offsets
 * and kinds, and the scanner only points the reused record at each in turn. A record the kernel
 * leaves alone (a quote that is not RFC 4180 quoting, such as `ab"c` or `"ab"c`, a record cut
 * off by the end of the buffer, more than 16,320 fields) is split by splitRecord, which owns
 * the rules; the kernel only ever gives the offsets splitRecord would.
 */
export class CsvScanner {
  /** Bytes [0, end) are held; write new input at `end`. */
  buffer: Buffer;
  end = 0;
  private consumed = 0; // start of the first unconsumed byte, always the start of a physical line
  private nulCheckedTo = 0;
  private stage: 'prefix' | 'header' | 'records' = 'prefix';
  private line = 1; // physical line number at `consumed`
  private totalBytes = 0;
  private lastByte = -1;
  private delimiterCode = 0x2c;
  private hadBom = false;
  private records = 0;
  private readonly fields: RecordFields;
  /** Absolute input offset of buffer[0] (moves when the unfinished tail moves to the front). */
  private base = 0;
  /**
   * Absolute offset before which records are split in JavaScript, not by the kernel: past a
   * record with a quote that is not RFC 4180 quoting, and further (`indexBackoff` bytes, doubling)
   * while such records keep coming, so that a file of them is not sent to the kernel in vain
   * record by record.
   */
  private indexFrom = 0;
  private indexBackoff = 0;
  /** Set when the next record starts at or after settings.stopAt: feed no more input. */
  done = false;

  /** Holds `buffer` while it is the kernel's; null once the buffer is a plain one (scanWhole, a huge record). */
  private kernel: ScanKernel | null;
  /** The caller's input, when scanWhole scans it where it is (never kept for another scan). */
  private wholeInput: Buffer | null = null;

  constructor(private readonly settings: ScannerSettings) {
    // Allocated on first write: scanWhole never needs it.
    this.buffer = Buffer.alloc(0);
    this.kernel = ScanKernel.acquire();
    this.fields = new RecordFields(settings.path);
    const range = settings.range;
    if (range !== undefined) {
      // A range starts at a record: no BOM, no header, the delimiter is already known.
      this.stage = 'records';
      this.base = range.start;
      this.line = range.line;
      this.delimiterCode = range.delimiter.charCodeAt(0);
    }
  }

  /** Absolute offset of the first unconsumed byte (where the next record starts) and its line. */
  position(): { offset: number; line: number } {
    return { offset: this.base + this.consumed, line: this.line };
  }

  /** Bytes that can be written at `end` now (at least 1). */
  freeSpace(): number {
    if (this.buffer.length === 0) this.buffer = this.allocate(this.settings.chunkSize);
    return this.buffer.length - this.end;
  }

  /**
   * Gives the buffer's memory back for another scan once this one is over (records read from
   * it are then stale). A parallel reader scans a file in many ranges: a fresh buffer for each
   * would pile up outside the JS heap faster than the collector returns it.
   */
  release(): void {
    if (this.kernel !== null) this.kernel.release();
    else if (this.buffer.length === this.settings.chunkSize && this.buffer !== this.wholeInput) spareBuffer = this.buffer;
    this.kernel = null;
    this.buffer = Buffer.alloc(0);
    this.end = 0;
  }

  /** A buffer of `size` bytes holding buffer[0, end): the kernel's, grown, while it can be. */
  private allocate(size: number): Buffer {
    const kernel = this.kernel;
    if (kernel !== null && size <= MAX_INDEXED_BYTES && kernel.resize(size)) return kernel.buffer;
    let bytes: Buffer;
    if (this.end === 0 && spareBuffer !== null && spareBuffer.length === size) {
      bytes = spareBuffer; // taken while in use: a concurrent scan allocates its own
      spareBuffer = null;
    } else {
      bytes = Buffer.allocUnsafe(size);
      this.buffer.copy(bytes, 0, 0, this.end);
    }
    kernel?.release();
    this.kernel = null;
    return bytes;
  }

  /** Records that `n` bytes were written at `end`; processes when the buffer is full. */
  commit(n: number): void {
    if (n <= 0) return;
    this.end += n;
    this.totalBytes += n;
    this.lastByte = this.buffer[this.end - 1]!;
    if (this.end === this.buffer.length) this.processAndMakeRoom();
  }

  /** Copies a chunk (e.g. from gunzip) into the buffer. */
  append(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      const n = Math.min(chunk.length - offset, this.freeSpace());
      this.buffer.set(chunk.subarray(offset, offset + n), this.end);
      offset += n;
      this.commit(n);
    }
  }

  /** End of input: delivers the rest and returns the totals. */
  finish(): CsvScanResult {
    this.process(true);
    const lineFeeds = this.line - 1;
    return { records: this.records, bytes: this.totalBytes, lines: lineFeeds + (this.lastByte >= 0 && this.lastByte !== LF ? 1 : 0) };
  }

  /** Scans a complete in-memory input: copied into the kernel's memory, else scanned where it is. */
  scanWhole(bytes: Buffer): CsvScanResult {
    if (this.kernel !== null && bytes.length <= MAX_INDEXED_BYTES) {
      this.buffer = this.allocate(bytes.length);
      bytes.copy(this.buffer);
    } else {
      this.release();
      this.buffer = this.wholeInput = bytes;
    }
    this.end = bytes.length;
    this.totalBytes = bytes.length;
    this.lastByte = bytes.length > 0 ? bytes[bytes.length - 1]! : -1;
    return this.finish();
  }

  private processAndMakeRoom(): void {
    this.process(false);
    // A range scan that reached its stop reads no more: the rest of the buffer is not a record
    // to keep (moving it, or doubling the buffer for it, cost a fresh buffer per range).
    if (this.done) return;
    const held = this.end - this.consumed;
    if (held > this.settings.maxRecordBytes) throw this.recordTooLarge();
    if (this.consumed > 0) {
      this.buffer.copyWithin(0, this.consumed, this.end);
      this.nulCheckedTo -= this.consumed;
      this.base += this.consumed;
      this.consumed = 0;
      this.end = held;
    }
    if (held * 2 > this.buffer.length) this.buffer = this.allocate(this.buffer.length * 2);
  }

  private process(final: boolean): void {
    if (this.stage === 'prefix') {
      if (this.end - this.consumed < PREFIX_BYTES && !final) return;
      const bom = inspectPrefix(this.buffer, this.consumed, this.end, this.settings.path);
      this.hadBom = bom > 0;
      this.consumed += bom;
      this.nulCheckedTo = this.consumed;
      this.stage = 'header';
    }
    this.rejectNul();
    if (this.stage === 'header' && !this.readHeader(final)) return;
    this.readRecords(final);
  }

  /**
   * Skips leading lines that are empty or hold only spaces/tabs (a stray line above the header,
   * and the way an all-whitespace file is recognised as empty), then reads the header.
   * False when it needs more input.
   */
  private readHeader(final: boolean): boolean {
    const bytes = this.buffer;
    const end = this.end;
    let p = this.consumed;
    for (;;) {
      let q = p;
      while (q < end && (bytes[q] === 0x20 || bytes[q] === 0x09 || bytes[q] === CR)) q++;
      if (q >= end) {
        if (!final) return false;
        throw csvErrorAt('empty-file', this.settings.path, 0, 0, 'is empty: expected a header line');
      }
      if (bytes[q] !== LF) break;
      this.line++;
      p = q + 1;
      this.consumed = p;
    }

    let delimiter = this.settings.delimiter;
    if (delimiter === 'auto') {
      const sniffed = sniffDelimiter(bytes, p, end, final);
      if (sniffed === null) return false;
      delimiter = sniffed;
    }
    this.delimiterCode = delimiter.charCodeAt(0);
    const fields = this.fields;
    const next = splitRecord(fields, bytes, p, end, final, this.delimiterCode);
    if (next === NEED_MORE) return false;
    if (next === UNTERMINATED) throw this.unterminated(p);
    fields.bytes = bytes;
    fields.line = this.line;
    const names: string[] = [];
    for (let i = 0; i < fields.fieldCount; i++) names.push(fields.text(i));
    this.line += fields.newlines;
    this.consumed = next;
    this.stage = 'records';
    this.settings.onHeader({ names, delimiter, hadBom: this.hadBom });
    return true;
  }

  private readRecords(final: boolean): void {
    const bytes = this.buffer;
    const end = this.end;
    const fields = this.fields;
    const delimiter = this.delimiterCode;
    const onRecord = this.settings.onRecord;
    fields.bytes = bytes;
    let p = this.consumed;
    let line = this.line;
    // Next quote at or after p (`end` when none is held). Lines before it take the quote-free
    // fast path; both searches are native memchr, far faster than comparing bytes in JS.
    let quoteAt = -1;
    const stop = this.settings.stopAt - this.base;
    const kernel = this.kernel !== null && this.kernel.buffer === bytes ? this.kernel : null;
    while (p < end) {
      if (p >= stop) {
        this.done = true;
        break;
      }
      if (kernel !== null && this.base + p >= this.indexFrom) {
        this.line = line;
        const next = this.readIndexed(kernel, p, end, stop);
        if (next !== p) {
          p = next;
          line = this.line;
          continue;
        }
        // The record at p is one for splitRecord (or needs more bytes).
      }
      const b = bytes[p];
      // Blank lines (nothing between two line breaks) are skipped but counted.
      if (b === LF) {
        line++;
        p++;
        continue;
      }
      if (b === CR) {
        if (p + 1 >= end) {
          if (!final) break;
          p++; // a CR alone at the very end of the file: a cut-off CRLF
          continue;
        }
        if (bytes[p + 1] === LF) {
          line++;
          p += 2;
          continue;
        }
      }
      if (quoteAt < p) quoteAt = indexWithin(bytes, QUOTE, p, end);
      let next: number;
      const lineEnd = indexWithin(bytes, LF, p, end);
      if (quoteAt >= lineEnd) {
        if (lineEnd === end && !final) break;
        splitPlainLine(fields, bytes, p, lineEnd, delimiter);
        fields.line = line;
        next = lineEnd === end ? end : lineEnd + 1;
        line += next - lineEnd; // 1 for the LF, 0 at end of input
      } else {
        next = splitRecord(fields, bytes, p, end, final, delimiter, quoteAt);
        if (next < 0) {
          this.consumed = p;
          this.line = line;
          if (next === UNTERMINATED) throw this.unterminated(p);
          break;
        }
        fields.line = line;
        line += fields.newlines;
      }
      p = next;
      this.records++;
      onRecord(fields);
    }
    this.consumed = p;
    this.line = line;
  }

  /**
   * Delivers the records from p that the kernel found (with the offsets, kinds and line counts
   * splitRecord would give them), and skips blank lines; returns where it stopped (p itself
   * when the record there is one for splitRecord) with this.line at that point.
   */
  private readIndexed(kernel: ScanKernel, p: number, end: number, stop: number): number {
    const fields = this.fields;
    const onRecord = this.settings.onRecord;
    const delimiter = this.delimiterCode;
    const recordsBefore = this.records;
    let line = this.line;
    let next = p;
    let status: number;
    for (;;) {
      const count = kernel.records(next, end, stop, delimiter);
      const table = kernel.table;
      fields.starts = kernel.starts;
      fields.ends = kernel.ends;
      fields.kinds = kernel.kinds;
      fields.openQuoteAt = -1;
      for (let r = 0, at = 0; r < count; r++, at += RECORD_WORDS) {
        const flags = table[at + 4]!;
        line += flags >>> 1; // blank lines before the record
        const newlines = table[at + 3]!;
        fields.first = table[at]!;
        fields.fieldCount = table[at + 1]!;
        fields.recordStart = table[at + 2]!;
        fields.newlines = newlines;
        fields.quoted = (flags & 1) === 1;
        fields.line = line;
        line += newlines;
        this.records++;
        onRecord(fields);
      }
      const info = kernel.info;
      status = info[0]!;
      line += info[2]!; // blank lines after the last record
      const from = next;
      next = info[1]!;
      // Go on from the record the table had no room for; anything else is the caller's.
      if (status !== TABLE_FULL || next === from) break;
    }
    if (status === IRREGULAR_QUOTE) {
      this.indexBackoff = this.records - recordsBefore >= 64 ? 0 : Math.min(this.indexBackoff * 2 + 256, MAX_INDEX_BACKOFF);
      this.indexFrom = this.base + next + 1 + this.indexBackoff;
    }
    this.line = line;
    return next;
  }

  /** NUL never occurs in UTF-8 text; memchr over new bytes is far cheaper than a check per byte. */
  private rejectNul(): void {
    if (this.nulCheckedTo >= this.end) return;
    const at = this.buffer.indexOf(0, this.nulCheckedTo);
    if (at >= 0 && at < this.end) throw nulByteError(this.settings.path, this.buffer, this.consumed, this.line, at);
    this.nulCheckedTo = this.end;
  }

  private unterminated(recordStart: number) {
    return unterminatedQuoteError(this.settings.path, this.buffer, recordStart, this.line, this.fields.openQuoteAt);
  }

  private recordTooLarge() {
    const { path, maxRecordBytes } = this.settings;
    return recordTooLargeError(path, this.buffer, this.consumed, this.line, this.fields.openQuoteAt, maxRecordBytes);
  }
}

/** bytes.indexOf(value, from), limited to [from, end): `end` when absent (the buffer may hold stale bytes past `end`). */
function indexWithin(bytes: Buffer, value: number, from: number, end: number): number {
  const at = bytes.indexOf(value, from);
  return at < 0 || at > end ? end : at;
}
