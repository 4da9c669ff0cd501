import { csvErrorAt, type CsvError } from './csv-error.js';

/** gzip is recognised by its magic bytes, so `export.csv` that is really gzipped still reads. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** True for errors raised by zlib while inflating (as opposed to I/O errors). */
export function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** Turns a zlib error into a sentence the user can act on. */
export function gzipError(path: string, error: unknown): CsvError {
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'Z_BUF_ERROR') {
    return csvErrorAt('gzip', path, 0, 0, `is a truncated gzip file (${detail}); download or copy it again`);
  }
  return csvErrorAt('gzip', path, 0, 0, `is a corrupt gzip file (${detail}); download or compress it again`);
}
