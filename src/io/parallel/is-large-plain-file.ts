import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { isGzip } from '../csv/gzip-input.js';
import { gzipContentSize } from './unpack-gzip.js';

/** Whether a file starts with gzip's magic bytes (throws when it cannot be read). */
export function isGzipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    const n = readSync(fd, magic, 0, 2, 0);
    return isGzip(magic.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/** A file worth splitting: at least `minBytes` and not gzip (gzip cannot be entered mid-stream). */
export function isLargePlainFile(path: string, minBytes: number): boolean {
  try {
    return statSync(path).size >= minBytes && !isGzipFile(path);
  } catch {
    return false; // the single-threaded reader reports the problem
  }
}

/** A gzip file whose content (by its trailer) is at least `minBytes`: worth unpacking and splitting. */
export function isLargeGzipFile(path: string, minBytes: number): boolean {
  try {
    return isGzipFile(path) && (gzipContentSize(path) ?? 0) >= minBytes;
  } catch {
    return false;
  }
}

/**
 * Whether a source's files are worth the workers: a plain file to split (or, with
 * `unpackGzip`, a gzip file whose content is that large), or several files (any of them gzip)
 * of at least `minBytes` together, which the workers read side by side. A single small export
 * reads faster on this thread than workers start.
 */
export function worthReadingInParallel(files: readonly string[], minBytes: number, unpackGzip = false): boolean {
  if (files.some((file) => isLargePlainFile(file, minBytes) || (unpackGzip && isLargeGzipFile(file, minBytes)))) return true;
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
