import { SCAN_INDEX_WASM } from './scan-index-wasm.js';

const PAGE = 65536;
/** Index entries per call: 64 kB, the first page of the module's memory. */
const CAPACITY = PAGE / 4;
/** The input starts after the entries. */
const INPUT_AT = PAGE;
/** Bytes the index may read past the end of the input (a 64-byte block and two bytes after it). */
const SLACK = 128;

/** Why an index call stopped (the module's `status`). */
export const REACHED_END = 0;
export const IRREGULAR_QUOTE = 1;
export const ENTRIES_FULL = 2;

interface IndexExports {
  memory: WebAssembly.Memory;
  index(p: number, end: number, delimiter: number, base: number, capacity: number): number;
  status: WebAssembly.Global;
}

let compiled: WebAssembly.Module | null | undefined;
const spare: ScanKernel[] = [];
/** Released kernels kept for reuse, and the largest memory kept (one grown for a huge record is dropped). */
const MAX_SPARE = 4;
const MAX_SPARE_BYTES = 64 * 1024 * 1024;

/** The compiled index module, or null where WebAssembly SIMD is missing or RMOS_SCAN_SIMD=0. */
function indexModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    compiled = null;
    if (process.env.RMOS_SCAN_SIMD !== '0' && typeof WebAssembly === 'object') {
      const bytes = Buffer.from(SCAN_INDEX_WASM, 'base64');
      if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
    }
  }
  return compiled;
}

/** For tests: index with the module (true), or scan every record in JavaScript (false). */
export function setIndexedScanning(enabled: boolean): void {
  compiled = enabled ? undefined : null;
}

/**
 * A CSV scanner's read buffer, held in the memory of its own instance of the index module
 * (scan-index.wat), so that the module reads the bytes where they were read into: nothing is
 * copied. `index` fills `entries` with the structural bytes of [p, end) (see the .wat file).
 * Growing the buffer grows the memory, which replaces `buffer` and `entries` (the old views are
 * detached); the bytes stay where they were.
 */
export class ScanKernel {
  buffer: Buffer;
  entries: Uint32Array;
  private readonly exports: IndexExports;

  private constructor(module: WebAssembly.Module, size: number) {
    this.exports = new WebAssembly.Instance(module, {}).exports as unknown as IndexExports;
    this.buffer = Buffer.alloc(0);
    this.entries = new Uint32Array(0);
    this.resize(size);
  }

  /**
   * A kernel (its buffer empty until resized), or null when indexing is unavailable. Released
   * kernels are reused: a fresh memory for every piece a parallel reader scans would pile up
   * outside the JS heap faster than the collector returns it, and fresh memory is slow to touch.
   */
  static acquire(): ScanKernel | null {
    const module = indexModule();
    if (module === null) return null;
    const kernel = spare.pop() ?? new ScanKernel(module, 0);
    kernel.resize(0);
    return kernel;
  }

  /** Gives the kernel back for another scan; its buffer must no longer be used. */
  release(): void {
    if (spare.length < MAX_SPARE && this.exports.memory.buffer.byteLength <= MAX_SPARE_BYTES && !spare.includes(this)) spare.push(this);
  }

  /** Makes the buffer `size` bytes long, keeping the bytes it holds (the memory only grows). */
  resize(size: number): void {
    const memory = this.exports.memory;
    const needed = Math.ceil((INPUT_AT + size + SLACK) / PAGE);
    const pages = memory.buffer.byteLength / PAGE;
    if (needed > pages) memory.grow(needed - pages);
    this.buffer = Buffer.from(memory.buffer, INPUT_AT, size);
    this.entries = new Uint32Array(memory.buffer, 0, CAPACITY);
  }

  /** Indexes buffer[p, end); returns the number of entries, and `status` says why it stopped. */
  index(p: number, end: number, delimiter: number): number {
    return this.exports.index(p + INPUT_AT, end + INPUT_AT, delimiter, INPUT_AT, CAPACITY);
  }

  get status(): number {
    return this.exports.status.value as number;
  }
}
