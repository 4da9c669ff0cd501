import type { RecordFields } from './record-fields.js';

export type Delimiter = ',' | ';' | '\t' | '|';

export interface CsvReadOptions {
  /** 'auto' sniffs from the header line: the candidate (, ; tab |) occurring most often outside quotes; ties broken in that order. */
  delimiter: Delimiter | 'auto';
  /** Path shown in messages; defaults to the path read (scanCsvBuffer: '<buffer>'). */
  displayPath?: string;
  /**
   * Read chunk size in bytes, default 1 MiB (tests use tiny sizes to exercise chunk boundaries).
   * For scanCsvBuffer, setting it feeds the buffer through the streaming path in pieces of this size;
   * leaving it out scans the buffer in place without copying.
   */
  chunkSize?: number;
  /**
   * Largest single record (header or data) in bytes before failing with 'record-too-large',
   * default 256 MiB. Memory use is bounded by about twice this value.
   */
  maxRecordBytes?: number;
  /** Abort support: checked between chunks; an aborted scan rejects/throws with `signal.reason`. */
  signal?: AbortSignal;
  /**
   * scanCsv: called after each chunk with the share of the file read so far (0 to 1; of the
   * compressed bytes for a gzip file), e.g. to size a structure once for the whole file.
   */
  onShareRead?: (share: number) => void;
}

/** One record, reused between callbacks: do not keep a reference. */
export interface CsvRecord {
  /** 1-based physical line number where the record starts (header is line 1; embedded newlines count). */
  readonly line: number;
  readonly fieldCount: number;
  /** Decoded text of field i (quotes removed, doubled quotes unescaped); '' when i >= fieldCount. Throws CsvError 'invalid-utf8'. */
  text(i: number): string;
  /** True when field i is empty after unquoting (or i >= fieldCount) — no decoding. */
  isEmpty(i: number): boolean;
  /**
   * 1-based column (in characters) where field i starts on its physical line, for messages.
   * For i >= fieldCount: the column just after the last field, where a missing field would go.
   */
  column(i: number): number;
  /** 1-based physical line where field i starts (differs from `line` only after a quoted newline). */
  fieldLine(i: number): number;
}

export interface CsvHeader {
  names: string[];
  delimiter: Delimiter;
  hadBom: boolean;
}

export interface CsvScanResult {
  /** Data records delivered to onRecord (header and blank lines excluded). */
  records: number;
  /** Bytes of CSV text scanned (after gunzip, BOM included). */
  bytes: number;
  /** Physical lines in the file (a final line without newline counts). */
  lines: number;
}

export type OnCsvHeader = (header: CsvHeader) => void;
/** Records are delivered as the scanner's reusable RecordFields (a CsvRecord with the field offsets). */
export type OnCsvRecord = (record: RecordFields) => void;
