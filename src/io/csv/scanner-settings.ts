import type { CsvReadOptions, Delimiter, OnCsvHeader, OnCsvRecord } from './csv-types.js';

const MiB = 1024 * 1024;

export interface ScannerSettings {
  path: string;
  delimiter: Delimiter | 'auto';
  chunkSize: number;
  maxRecordBytes: number;
  onHeader: OnCsvHeader;
  onRecord: OnCsvRecord;
  /** A byte range of a plain file (parallel reading); absent: the whole input from its first byte. */
  range?: ScanRange;
  /** Stop before a record (or blank line) starting at this absolute offset or later. */
  stopAt: number;
}

/**
 * Records of one byte range: `start` must be a record start (after the header), `line` its
 * physical line number; records starting at `stop` or later are left to the next range.
 */
export interface ScanRange {
  readonly start: number;
  readonly stop: number;
  readonly line: number;
  readonly delimiter: Delimiter;
}

const DELIMITERS: ReadonlySet<string> = new Set([',', ';', '\t', '|', 'auto']);

/** Validates options (they may come from untyped callers) and fills in defaults. */
export function scannerSettings(options: CsvReadOptions, path: string, onHeader: OnCsvHeader, onRecord: OnCsvRecord): ScannerSettings {
  if (!DELIMITERS.has(options.delimiter)) {
    throw new TypeError(`delimiter must be one of ',', ';', '\\t', '|' or 'auto', got ${JSON.stringify(options.delimiter)}`);
  }
  const chunkSize = options.chunkSize ?? MiB;
  const maxRecordBytes = options.maxRecordBytes ?? 256 * MiB;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  if (!Number.isSafeInteger(maxRecordBytes) || maxRecordBytes < 1) {
    throw new RangeError(`maxRecordBytes must be a positive integer, got ${maxRecordBytes}`);
  }
  return { path, delimiter: options.delimiter, chunkSize, maxRecordBytes, onHeader, onRecord, stopAt: Number.POSITIVE_INFINITY };
}
