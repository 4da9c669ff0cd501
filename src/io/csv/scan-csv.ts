import { open, type FileHandle } from 'node:fs/promises';
import { CsvError } from './csv-error.js';
import { CsvScanner } from './csv-scanner.js';
import type { CsvReadOptions, CsvScanResult, OnCsvHeader, OnCsvRecord } from './csv-types.js';
import { scannerSettings } from './scanner-settings.js';
import { gzipError, isGzip, isZlibError } from './gzip-input.js';
import { ioError } from './io-error.js';

/**
 * Streams a CSV file (or gzip, detected by its magic bytes, whatever the name) through the
 * scanner. Plain files are read straight into the scanner's buffer, so no chunk is allocated
 * or copied. onHeader gets the header once, onRecord each data record (a reused object).
 * Fatal problems reject with CsvError; errors thrown by the callbacks propagate unchanged.
 */
export async function scanCsv(
  path: string,
  options: CsvReadOptions,
  onHeader: OnCsvHeader,
  onRecord: OnCsvRecord,
): Promise<CsvScanResult> {
  const shownPath = options.displayPath ?? path;
  const settings = scannerSettings(options, shownPath, onHeader, onRecord);
  const signal = options.signal;
  signal?.throwIfAborted();
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw ioError(shownPath, error);
  }
  try {
    const magic = Buffer.alloc(2);
    // A positioned read does not move the file position: the loop below still starts at byte 0.
    const { bytesRead } = await readOrFail(handle, magic, 0, 2, 0, shownPath);
    const size = options.onShareRead ? (await handle.stat()).size : 0;
    const onRead = options.onShareRead && size > 0 ? (bytes: number) => options.onShareRead!(Math.min(1, bytes / size)) : undefined;
    const scanner = new CsvScanner(settings);
    try {
      if (isGzip(magic.subarray(0, bytesRead))) {
        await feedGunzipped(handle, scanner, settings.chunkSize, shownPath, signal, onRead);
      } else {
        await feedPlain(handle, scanner, shownPath, signal, onRead);
      }
      const result = scanner.finish();
      signal?.throwIfAborted(); // aborted while the last records were delivered
      return result;
    } finally {
      scanner.release();
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Reads straight into the scanner's free space: no per-chunk allocation or copy. */
async function feedPlain(handle: FileHandle, scanner: CsvScanner, path: string, signal: AbortSignal | undefined, onRead?: (bytes: number) => void) {
  let total = 0;
  for (;;) {
    signal?.throwIfAborted();
    const length = scanner.freeSpace();
    const { bytesRead } = await readOrFail(handle, scanner.buffer, scanner.end, length, null, path);
    if (bytesRead === 0) return;
    scanner.commit(bytesRead);
    total += bytesRead;
    onRead?.(total);
  }
}

async function readOrFail(handle: FileHandle, buffer: Buffer, offset: number, length: number, position: number | null, path: string) {
  try {
    return await handle.read(buffer, offset, length, position);
  } catch (error) {
    throw ioError(path, error); // EISDIR surfaces here: opening a directory succeeds on Linux
  }
}

async function feedGunzipped(handle: FileHandle, scanner: CsvScanner, chunkSize: number, path: string, signal: AbortSignal | undefined, onRead?: (bytes: number) => void) {
  const source = handle.createReadStream({ start: 0, autoClose: false, highWaterMark: Math.max(chunkSize, 64 * 1024) });
  // zlib is loaded only for a gzip file: most runs never need it (~4 ms of start-up).
  const { createGunzip } = await import('node:zlib');
  // Output in read-sized chunks (1 MiB unless a test asks for small ones, down to zlib's
  // minimum of 64 bytes): zlib's default of 16 kB cost several times the inflating itself.
  const gunzip = createGunzip({ chunkSize: Math.max(chunkSize, 64) });
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const chunks = gunzip[Symbol.asyncIterator]();
  try {
    for (;;) {
      let step: IteratorResult<Buffer>;
      try {
        step = await chunks.next();
      } catch (error) {
        if (error instanceof CsvError) throw error;
        throw isZlibError(error) ? gzipError(path, error) : ioError(path, error);
      }
      if (step.done) return;
      signal?.throwIfAborted();
      scanner.append(step.value);
      onRead?.(source.bytesRead);
    }
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}
