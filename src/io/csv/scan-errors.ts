import { csvErrorAt, type CsvError } from './csv-error.js';
import { locateOffset } from './locate-offset.js';

// Errors found while scanning. Each takes the buffer, a line start inside it and that line's
// number, and locates the offending byte from there (only computed when failing).

const MiB = 1024 * 1024;

export function nulByteError(path: string, bytes: Uint8Array, lineStart: number, line: number, at: number): CsvError {
  const where = locateOffset(bytes, lineStart, line, at);
  return csvErrorAt(
    'binary',
    path,
    where.line,
    where.column,
    'contains a NUL byte, so it does not look like a CSV text file; check that you exported CSV (not a spreadsheet or binary file)',
  );
}

export function unterminatedQuoteError(path: string, bytes: Uint8Array, lineStart: number, line: number, quoteAt: number): CsvError {
  const where = locateOffset(bytes, lineStart, line, quoteAt);
  return csvErrorAt(
    'unterminated-quote',
    path,
    where.line,
    where.column,
    `unterminated quoted field starting at line ${where.line}, column ${where.column}: add the closing quote`,
  );
}

/** `openQuoteAt` is -1 when the record is simply a very long line rather than an open quote. */
export function recordTooLargeError(
  path: string,
  bytes: Uint8Array,
  lineStart: number,
  line: number,
  openQuoteAt: number,
  maxRecordBytes: number,
): CsvError {
  const limit = maxRecordBytes >= MiB ? `${Math.round(maxRecordBytes / MiB)} MiB` : `${maxRecordBytes} bytes`;
  if (openQuoteAt >= 0) {
    const where = locateOffset(bytes, lineStart, line, openQuoteAt);
    return csvErrorAt(
      'record-too-large',
      path,
      where.line,
      where.column,
      `the quoted field starting at line ${where.line}, column ${where.column} is still open after ${limit}: add the missing closing quote`,
    );
  }
  return csvErrorAt(
    'record-too-large',
    path,
    line,
    1,
    `the record starting at line ${line} is longer than ${limit}; check the file's line endings and quoting`,
  );
}
