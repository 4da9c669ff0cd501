import { endianness } from 'node:os';
import { SCAN_RECORDS_WASM } from './scan-records-wasm.js';

const PAGE = 65536;
/** Bytes the module may read past the end of the input (a 64-byte block and two bytes after it). */
const SLACK = 128;

/**
 * Why a records call stopped (INFO[0]; see scan-records.wat), besides reaching the end (0) or
 * a record at the stop (3): a quote that is not RFC 4180 quoting, or a full table.
 */
export const IRREGULAR_QUOTE = 1;
export const TABLE_FULL = 2;
/** Words a record takes in the table. */
export const RECORD_WORDS = 5;

interface IndexExports {
  memory: WebAssembly.Memory;
  records(p: number, end: number, stop: number, delimiter: number): number;
  INFO: WebAssembly.Global;
  TABLE: WebAssembly.Global;
  RECORD_CAP: WebAssembly.Global;
  STARTS: WebAssembly.Global;
  ENDS: WebAssembly.Global;
  KINDS: WebAssembly.Global;
  FIELD_CAP: WebAssembly.Global;
  INPUT: WebAssembly.Global;
}

let compiled: WebAssembly.Module | null | undefined;
const spare: ScanKernel[] = [];
/** Released kernels kept for reuse, and the largest memory kept (one grown for a huge record is dropped). */
const MAX_SPARE = 4;
const MAX_SPARE_BYTES = 64 * 1024 * 1024;

/**
 * The compiled records module, or null where WebAssembly SIMD is missing, RMOS_SCAN_SIMD=0, or
 * the machine is big-endian (the module's memory is little-endian; the typed arrays over it
 * would read the machine's order).
 */
function recordsModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    compiled = null;
    if (process.env.RMOS_SCAN_SIMD !== '0' && typeof WebAssembly === 'object' && endianness() === 'LE') {
      const bytes = Buffer.from(SCAN_RECORDS_WASM, 'base64');
      try {
        if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
      } catch {
        // A runtime that refuses the module: records are split in JavaScript.
      }
    }
  }
  return compiled;
}

/** For tests: find records with the module (true), or split every record in JavaScript (false). */
export function setSimdScanning(enabled: boolean): void {
  compiled = enabled ? undefined : null;
}

/**
 * A CSV scanner's read buffer, held in the memory of its own instance of the records module
 * (scan-records.wat), so that the module reads the bytes where they were read into: nothing is
 * copied. `records` writes the records of [p, end) to `table`, their fields' offsets and kinds
 * to `starts`, `ends` and `kinds`, and why it stopped to `info` (see the .wat file). Growing
 * the buffer grows the memory, which replaces every view (the old ones are detached); the bytes
 * stay where they were.
 */
export class ScanKernel {
  buffer: Buffer;
  info: Int32Array;
  table: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  private readonly exports: IndexExports;
  private readonly input: number;

  private constructor(module: WebAssembly.Module) {
    this.exports = new WebAssembly.Instance(module, {}).exports as unknown as IndexExports;
    this.input = this.exports.INPUT.value as number;
    this.buffer = Buffer.alloc(0);
    this.info = this.table = this.starts = this.ends = new Int32Array(0);
    this.kinds = new Uint8Array(0);
    this.resize(0);
  }

  /**
   * A kernel (its buffer empty until resized), or null when the module is unavailable. Released
   * kernels are reused: a fresh memory for every piece a parallel reader scans would pile up
   * outside the JS heap faster than the collector returns it, and fresh memory is slow to touch.
   */
  static acquire(): ScanKernel | null {
    const module = recordsModule();
    if (module === null) return null;
    const kernel = spare.pop() ?? new ScanKernel(module);
    kernel.resize(0);
    return kernel;
  }

  /** Gives the kernel back for another scan; its buffer must no longer be used. */
  release(): void {
    if (spare.length < MAX_SPARE && this.exports.memory.buffer.byteLength <= MAX_SPARE_BYTES && !spare.includes(this)) spare.push(this);
  }

  /**
   * Makes the buffer `size` bytes long, keeping the bytes it holds (the memory only grows).
   * False, and nothing changed, when the memory cannot grow that far.
   */
  resize(size: number): boolean {
    const { memory, INFO, TABLE, RECORD_CAP, STARTS, ENDS, KINDS, FIELD_CAP } = this.exports;
    const needed = Math.ceil((this.input + size + SLACK) / PAGE);
    const pages = memory.buffer.byteLength / PAGE;
    if (needed > pages) {
      try {
        memory.grow(needed - pages);
      } catch {
        return false; // past the engine's limit for a memory, or out of memory
      }
    }
    const bytes = memory.buffer;
    const fieldCap = FIELD_CAP.value as number;
    this.buffer = Buffer.from(bytes, this.input, size);
    this.info = new Int32Array(bytes, INFO.value as number, 4);
    this.table = new Int32Array(bytes, TABLE.value as number, (RECORD_CAP.value as number) * RECORD_WORDS);
    this.starts = new Int32Array(bytes, STARTS.value as number, fieldCap);
    this.ends = new Int32Array(bytes, ENDS.value as number, fieldCap);
    this.kinds = new Uint8Array(bytes, KINDS.value as number, fieldCap);
    return true;
  }

  /** Writes the records of buffer[p, end) (stopping at one that starts at `stop` or later); returns how many. */
  records(p: number, end: number, stop: number, delimiter: number): number {
    return this.exports.records(p, end, Math.min(stop, end + 1), delimiter);
  }
}
