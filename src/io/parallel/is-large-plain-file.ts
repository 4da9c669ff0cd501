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

/**
 * Whether a source's files are worth the workers: a plain file to split, or several files
 * (any of them gzip) of at least `minBytes` together, which the workers read side by side.
 * A single small export reads faster on this thread than workers start.
 */
export function worthReadingInParallel(files: readonly string[], minBytes: number): boolean {
  if (files.some((file) => isLargePlainFile(file, minBytes))) return true;
  if (files.length < 2) return false;
  let total = 0;
  for (const file of files) {
    try {
      total += statSync(file).size;
    } catch {
      // the reader reports it
    }
  }
  return total >= minBytes;
}
