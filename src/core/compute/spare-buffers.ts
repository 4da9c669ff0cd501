/**
 * ArrayBuffers to reuse, by size. A parallel reader's value and key logs grow by doubling and
 * leave the worker with each piece; the coordinator sends their buffers back once it has merged
 * them, and the next pieces' logs are built in them. So the workers stop asking the allocator
 * for fresh memory piece after piece (memory the C library then keeps after it is freed, and
 * fresh pages are slow to touch). Off (every call allocates, nothing is kept) unless
 * useSpareBuffers(true) was called: only a worker does.
 */
const spare = new Map<number, ArrayBuffer[]>();
let held = 0;
let enabled = false;
/** At most this much is kept: any more is left to the garbage collector. */
const MAX_HELD = 64 * 1024 * 1024;

/** Turns reuse on (a worker) or off, forgetting what is kept. */
export function useSpareBuffers(on: boolean): void {
  enabled = on;
  spare.clear();
  held = 0;
}

/** A buffer of `bytes` bytes, spare if one of that size is kept. Its contents are not cleared. */
export function takeBuffer(bytes: number): ArrayBuffer {
  const kept = enabled ? spare.get(bytes)?.pop() : undefined;
  if (kept === undefined) return new ArrayBuffer(bytes);
  held -= bytes;
  return kept;
}

/** Keeps a buffer nothing uses any more, for takeBuffer. */
export function giveBuffer(buffer: ArrayBuffer): void {
  const bytes = buffer.byteLength;
  if (!enabled || bytes === 0 || held + bytes > MAX_HELD) return;
  let list = spare.get(bytes);
  if (list === undefined) spare.set(bytes, (list = []));
  list.push(buffer);
  held += bytes;
}

/** An array of twice `from`'s length holding `from`'s values; `from`'s buffer is given back. */
export function doubled<T extends Uint32Array | Float64Array>(from: T, make: (buffer: ArrayBuffer) => T): T {
  const to = make(takeBuffer(from.byteLength * 2));
  to.set(from);
  giveBuffer(from.buffer as ArrayBuffer);
  return to;
}
