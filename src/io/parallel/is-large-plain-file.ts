import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** A file worth splitting: at least `minBytes` and not gzip (gzip cannot be entered mid-stream). */
export function isLargePlainFile(path: string, minBytes: number): boolean {
  try {
    if (statSync(path).size < minBytes) return false;
    const fd = openSync(path, 'r');
    try {
      const magic = Buffer.alloc(2);
      readSync(fd, magic, 0, 2, 0);
      return !(magic[0] === 0x1f && magic[1] === 0x8b);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // the single-threaded reader reports the problem
  }
}
