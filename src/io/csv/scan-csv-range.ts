import { open, type FileHandle } from 'node:fs/promises';
import { CsvScanner } from './csv-scanner.js';
import type { CsvReadOptions, OnCsvHeader, OnCsvRecord } from './csv-types.js';
import { ioError } from './io-error.js';
import { scannerSettings, type ScanRange } from './scanner-settings.js';

export type { ScanRange } from './scanner-settings.js';

/** Where a scan stopped: the next record starts at `offset`, on physical line `line`. */
export interface RangeScanResult {
  readonly records: number;
  readonly offset: number;
  readonly line: number;
}

/**
 * Reads a plain (not gzip) file's BOM and header only; the result says where its first
 * record starts. For splitting a file into ranges.
 */
export async function scanCsvHead(path: string, options: CsvReadOptions, onHeader: OnCsvHeader): Promise<RangeScanResult> {
  const settings = { ...scannerSettings(options, options.displayPath ?? path, onHeader, () => undefined), stopAt: 0 };
  return feedRange(path, new CsvScanner(settings), 0, settings.path);
}

/**
 * Scans the records starting in [range.start, range.stop) of a plain file. The record that
 * starts last may run past `stop` (a quoted newline): it is read whole, and the result's
 * `offset` is then past `stop`. Line numbers count from `range.line`.
 */
export async function scanCsvRange(path: string, options: CsvReadOptions, range: ScanRange, onRecord: OnCsvRecord): Promise<RangeScanResult> {
  const base = scannerSettings(options, options.displayPath ?? path, () => undefined, onRecord);
  const settings = { ...base, range, stopAt: range.stop };
  return feedRange(path, new CsvScanner(settings), range.start, settings.path);
}

/** Scans the range, then gives the scanner's buffer back for the next range (see ScanKernel.acquire). */
async function feedRange(path: string, scanner: CsvScanner, start: number, shownPath: string): Promise<RangeScanResult> {
  try {
    return await feedOpened(path, scanner, start, shownPath);
  } finally {
    scanner.release();
  }
}

async function feedOpened(path: string, scanner: CsvScanner, start: number, shownPath: string): Promise<RangeScanResult> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw ioError(shownPath, error);
  }
  try {
    let position = start;
    let records = 0;
    while (!scanner.done) {
      const length = scanner.freeSpace();
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(scanner.buffer, scanner.end, length, position));
      } catch (error) {
        throw ioError(shownPath, error);
      }
      if (bytesRead === 0) break;
      position += bytesRead;
      scanner.commit(bytesRead);
    }
    records = scanner.finish().records;
    const { offset, line } = scanner.position();
    return { records, offset, line };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
