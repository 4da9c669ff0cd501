/**
 * Why a CSV could not be read. Every code maps to one thing the user can fix:
 * - 'io'                 the file cannot be opened or read (missing, no permission, a directory)
 * - 'empty-file'         0 bytes, or only a BOM / whitespace: there is no header line
 * - 'utf16'              UTF-16 (or UTF-32) text, typical of Excel's "Unicode Text" export
 * - 'binary'             NUL bytes or other binary content: not a text file (xlsx, xls, pdf, ...)
 * - 'gzip'               starts with the gzip magic bytes but is truncated or corrupt
 * - 'invalid-utf8'       a field's bytes are not UTF-8 (usually a Windows-1252 / Latin-1 export);
 *                        raised lazily by CsvRecord.text(), so unread columns never fail
 * - 'unterminated-quote' a quoted field is still open at end of file
 * - 'record-too-large'   one record exceeds CsvReadOptions.maxRecordBytes (default 256 MiB),
 *                        almost always a missing closing quote swallowing the rest of the file
 *
 * There is deliberately no code for a quote inside an unquoted field (`ab"c`): like Excel we
 * keep it as data, because exports from hand-edited sheets contain such values.
 */
export type CsvErrorCode =
  | 'io'
  | 'empty-file'
  | 'utf16'
  | 'binary'
  | 'gzip'
  | 'invalid-utf8'
  | 'unterminated-quote'
  | 'record-too-large';

/**
 * A fatal problem with a CSV file. `line` and `column` are 1-based; both are 0 when the
 * problem concerns the whole file (I/O, encoding, gzip, empty file). The message is a
 * complete sentence that starts with the path, so callers can print it as-is.
 */
export class CsvError extends Error {
  override readonly name = 'CsvError';

  constructor(
    readonly code: CsvErrorCode,
    message: string,
    readonly path: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/**
 * Builds a CsvError. With a line, the message reads `path:line:column: sentence` (the format
 * editors and terminals turn into links); for file-level problems (line 0) it reads
 * `path sentence`, so the sentence starts with a verb: "is empty: expected a header line".
 */
export function csvErrorAt(code: CsvErrorCode, path: string, line: number, column: number, sentence: string): CsvError {
  const message = line > 0 ? `${path}:${line}:${column}: ${sentence}` : `${path} ${sentence}`;
  return new CsvError(code, message, path, line, column);
}
