import { createRequire } from 'node:module';
import { CsvScanner } from './csv-scanner.js';
import type { CsvReadOptions, CsvScanResult, OnCsvHeader, OnCsvRecord } from './csv-types.js';
import { scannerSettings } from './scanner-settings.js';
import { gzipError, isGzip } from './gzip-input.js';

/** zlib is loaded only for gzipped input: most runs never need it (~4 ms of start-up). */
function gunzipSync(bytes: Buffer): Buffer {
  const zlib = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
  return zlib.gunzipSync(bytes);
}

/**
 * Scans an in-memory CSV (gzip detected by magic bytes). Without `options.chunkSize` the bytes
 * are scanned in place; with it they are fed through the streaming path in pieces of that size,
 * which is how tests exercise chunk boundaries without files.
 */
export function scanCsvBuffer(
  bytes: Uint8Array,
  options: CsvReadOptions,
  onHeader: OnCsvHeader,
  onRecord: OnCsvRecord,
): CsvScanResult {
  const path = options.displayPath ?? '<buffer>';
  const settings = scannerSettings(options, path, onHeader, onRecord);
  options.signal?.throwIfAborted();
  let input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isGzip(input)) {
    try {
      input = gunzipSync(input);
    } catch (error) {
      throw gzipError(path, error);
    }
  }
  const scanner = new CsvScanner(settings);
  try {
    // Field offsets are Int32: inputs past 2 GiB go through the streaming path, whose buffer stays small.
    if (options.chunkSize === undefined && input.length < 2 ** 31) return scanner.scanWhole(input);
    for (let offset = 0; offset < input.length; offset += settings.chunkSize) {
      options.signal?.throwIfAborted();
      scanner.append(input.subarray(offset, offset + settings.chunkSize));
    }
    return scanner.finish();
  } finally {
    scanner.release();
  }
}
