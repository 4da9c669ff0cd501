import { InputError } from '../../errors.js';
import type { SourcePlan } from '../../core/compute/plan.js';
import { KeyCell } from '../../core/compute/key-cell.js';
import type { SourceRun } from '../../core/compute/source-run.js';
import type { Scalar } from '../../core/expression/runtime.js';
import { FALLBACK, isInvalid, makeByteValueParser, makeValueParser, type ByteValueParser, type Invalid, type Value, type ValueOptions } from '../../core/values/index.js';
import { CsvError, scanCsv, type CsvHeader, type CsvRecord } from '../csv/index.js';
import { RecordFields } from '../csv/record-fields.js';
import { scanCsvHead, scanCsvRange, type RangeScanResult } from '../csv/scan-csv-range.js';
import { matchHeader } from './match-header.js';

/** An invalid cell or a row not counted, for --rejects and the summary. */
export interface Reject {
  readonly file: string;
  readonly line: number;
  readonly column: number | null;
  readonly field: string | null;
  readonly value: string | null;
  readonly reason: string;
}

export interface FileRead {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

export interface ReadContext {
  readonly timezone: string;
  readonly onReject: (reject: Reject) => void;
  /** Called every 65,536 rows with the rows read so far in this file. */
  readonly onProgress?: (rows: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Runs that share one plan (e.g. the same library over several periods) share the
 * decoding of each row; runs of different plans (two versions of a library) each
 * decode their own columns from the same record. Either way a file is read once.
 */
export interface ConsumerGroup {
  readonly plan: SourcePlan;
  readonly runs: readonly SourceRun[];
  readonly timezone: string;
}

class GroupDecoder {
  readonly values: Scalar[];
  readonly invalid: Uint8Array;
  private fields: number[] = [];
  private parsers: ((raw: string) => Value | Invalid)[] = [];
  /** Byte-level parsers for common shapes (null: always the text path), tried first. */
  private fast: (ByteValueParser | null)[] = [];
  /** The row's key, read once for every run of the group. */
  readonly key = new KeyCell();
  /**
   * When nothing but duplicate detection reads the key column, a plain ASCII key is read
   * from its bytes and never becomes a string (an id column is unique per row: no interning).
   */
  private keyFromBytes = false;
  private keyReadFromBytes = false;
  private record: CsvRecord | null = null;

  constructor(readonly group: ConsumerGroup) {
    this.values = new Array<Scalar>(group.plan.columns.length).fill(null);
    this.invalid = new Uint8Array(group.plan.columns.length);
    this.key.text = () => this.keyText();
  }

  header(path: string, header: CsvHeader): void {
    const { plan } = this.group;
    const { source } = plan;
    this.fields = matchHeader(path, header.names, source, plan.columns, plan.needs);
    const decimal = source.dialect.decimal === 'auto' ? (header.delimiter === ';' ? ',' : '.') : source.dialect.decimal;
    const options = plan.columns.map(
      (column): ValueOptions => ({
        type: column.type,
        decimal,
        // In text columns only a blank cell is missing: "NA" may well be North America.
        missingTokens: column.type === 'string' ? [] : source.dialect.missingValues,
        min: column.min,
        max: column.max,
        values: column.values,
        dateFormat: source.dialect.dateFormat,
        timestampFormat: source.dialect.timestampFormat,
        timezone: this.group.timezone,
      }),
    );
    this.parsers = options.map((o) => makeValueParser(o));
    this.fast = options.map((o) => makeByteValueParser(o));
    const keyColumn = plan.keySlot >= 0 ? plan.columns[plan.keySlot]! : null;
    this.keyFromBytes = plan.keyOnly && keyColumn !== null && keyColumn.type === 'string' && keyColumn.values === undefined;
  }

  /** Reads a plain ASCII key cell in place (its dense id, or its hashes); false when the text path must decode it. */
  private readKeyBytes(span: RecordFields, field: number): boolean {
    if (!span.isRaw(field)) return false;
    this.trimCell(span, field);
    if (this.cellStart === this.cellEnd) {
      this.key.present = false;
      return true;
    }
    return this.key.setAsciiBytes(span.bytes, this.cellStart, this.cellEnd);
  }

  /** The cell's bytes without surrounding ASCII spaces: [cellStart, cellEnd), set without allocating. */
  private cellStart = 0;
  private cellEnd = 0;
  private trimCell(span: RecordFields, field: number): void {
    const bytes = span.bytes;
    let start = span.starts[field]!;
    let end = span.ends[field]!;
    while (start < end && isAsciiSpace(bytes[start]!)) start++;
    while (end > start && isAsciiSpace(bytes[end - 1]!)) end--;
    this.cellStart = start;
    this.cellEnd = end;
  }

  private keyText(): string {
    const { keySlot } = this.group.plan;
    return this.keyReadFromBytes ? this.record!.text(this.fields[keySlot]!).trim() : String(this.values[keySlot]);
  }

  decode(path: string, record: CsvRecord, pending: Reject[]): void {
    const { values, invalid, fields, parsers, fast } = this;
    const columns = this.group.plan.columns;
    const span = record instanceof RecordFields ? record : null;
    const keySlot = this.group.plan.keySlot;
    this.record = record;
    this.keyReadFromBytes = false;
    for (let slot = 0; slot < values.length; slot++) {
      const field = fields[slot]!;
      if (slot === keySlot && this.keyFromBytes && span !== null && this.readKeyBytes(span, field)) {
        this.keyReadFromBytes = true;
        values[slot] = null; // nothing reads it
        invalid[slot] = 0;
        continue;
      }
      const parseBytes = fast[slot];
      if (span !== null && parseBytes !== null && parseBytes !== undefined && span.isRaw(field)) {
        this.trimCell(span, field);
        if (this.cellStart === this.cellEnd) {
          values[slot] = null; // blank is missing in every column
          invalid[slot] = 0;
          continue;
        }
        const value = parseBytes(span.bytes, this.cellStart, this.cellEnd);
        if (value !== FALLBACK) {
          values[slot] = value;
          invalid[slot] = 0;
          continue;
        }
      }
      if (record.isEmpty(field)) {
        values[slot] = null;
        invalid[slot] = 0;
        continue;
      }
      let raw: string;
      try {
        raw = record.text(field);
      } catch (error) {
        if (!(error instanceof CsvError)) throw error;
        values[slot] = null;
        invalid[slot] = 1;
        pending.push({ file: path, line: record.fieldLine(field), column: record.column(field), field: columns[slot]!.name, value: null, reason: 'the cell is not UTF-8 text' });
        continue;
      }
      const parsed = parsers[slot]!(raw);
      if (isInvalid(parsed)) {
        values[slot] = null;
        invalid[slot] = 1;
        pending.push({ file: path, line: record.fieldLine(field), column: record.column(field), field: columns[slot]!.name, value: raw, reason: parsed.reason });
      } else {
        values[slot] = parsed;
        invalid[slot] = 0;
      }
    }
    if (!this.keyReadFromBytes) {
      const key = keySlot >= 0 && invalid[keySlot] === 0 ? values[keySlot]! : null;
      if (key === null) this.key.present = false;
      else this.key.setText(String(key));
    }
  }
}

function isAsciiSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13);
}

interface RecordHandler {
  readonly onHeader: (header: CsvHeader) => void;
  readonly onRecord: (record: CsvRecord) => void;
}

/** Decodes each record for every consumer group and reports the rejects of rows counted invalid. */
function recordHandler(path: string, fileIndex: number, groups: readonly ConsumerGroup[], ctx: ReadContext): RecordHandler {
  const decoders = groups.map((g) => new GroupDecoder(g));
  let headerWidth = 0;
  const location = { file: fileIndex, line: 0 };
  // Problems of the current row, reported only if some metric counted the row as invalid.
  const pending: Reject[] = [];
  const seen = new Set<string>();

  const onHeader = (header: CsvHeader): void => {
    headerWidth = header.names.length;
    for (const d of decoders) d.header(path, header);
  };

  let rows = 0;
  const onRecord = (record: CsvRecord): void => {
    if ((++rows & 0xffff) === 0) ctx.onProgress?.(rows);
    location.line = record.line;
    if (pending.length !== 0) pending.length = 0;
    const ragged = record.fieldCount !== headerWidth;
    if (ragged) pending.push({ file: path, line: record.line, column: null, field: null, value: null, reason: `the row has ${record.fieldCount} fields but the header has ${headerWidth}` });
    let countedInvalid = false;
    for (const d of decoders) {
      if (!ragged) d.decode(path, record, pending);
      for (const run of d.group.runs) if (run.consume(d.values, d.invalid, ragged, location, d.key)) countedInvalid = true;
    }
    if (!countedInvalid) return;
    if (decoders.length === 1) {
      for (const reject of pending) ctx.onReject(reject);
      return;
    }
    // Two plans may decode the same cell: report it once.
    seen.clear();
    for (const reject of pending) {
      const key = `${reject.line}:${reject.column}`;
      if (!seen.has(key)) {
        seen.add(key);
        ctx.onReject(reject);
      }
    }
  };
  return { onHeader, onRecord };
}

/** Streams one export through every consumer: only the planned columns are decoded. */
export async function readSourceFile(path: string, fileIndex: number, groups: readonly ConsumerGroup[], ctx: ReadContext): Promise<FileRead> {
  const delimiter = groups[0]!.plan.source.dialect.delimiter;
  const { onHeader, onRecord } = recordHandler(path, fileIndex, groups, ctx);
  const runs = groups.flatMap((g) => g.runs);
  let sized = !runs.some((run) => run.plan.keySlot >= 0);
  // Once 2% of the file is read, each key set is sized for the whole file from the keys so
  // far: one table instead of a doubling for every size (each a rehash into fresh memory).
  const onShareRead = (share: number): void => {
    if (sized || share < 0.02) return;
    sized = true;
    for (const run of runs) run.expectKeys(Math.ceil(run.keyCount / share));
  };
  try {
    const result = await scanCsv(path, { delimiter, displayPath: path, signal: ctx.signal, onShareRead }, onHeader, onRecord);
    return { path, rows: result.records, bytes: result.bytes };
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.message);
    throw error;
  }
}

/** A plain file's header and where its records start, checked against every group's columns. `openPath`: the file to read, when not `path` (messages name `path`). */
export async function readSourceHead(path: string, groups: readonly ConsumerGroup[], openPath = path): Promise<{ header: CsvHeader; offset: number; line: number }> {
  const delimiter = groups[0]!.plan.source.dialect.delimiter;
  const { onHeader } = recordHandler(path, 0, groups, { timezone: groups[0]!.timezone, onReject: () => undefined });
  let header: CsvHeader | undefined;
  try {
    const head = await scanCsvHead(openPath, { delimiter, displayPath: path }, (h) => {
      onHeader(h); // matches the columns: a missing one fails here, as in readSourceFile
      header = h;
    });
    return { header: header!, offset: head.offset, line: head.line };
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.message);
    throw error;
  }
}

/** What readSourceRange reads: records starting in [start, stop) of a plain file, after its header. */
export interface SourceRange {
  readonly header: CsvHeader;
  readonly start: number;
  readonly stop: number;
  /** Line number of the record at `start` (1 in a worker, which counts from its range). */
  readonly line: number;
}

/** Like readSourceFile over one byte range; the result says where the next record starts. `openPath`: as in readSourceHead. */
export async function readSourceRange(path: string, fileIndex: number, groups: readonly ConsumerGroup[], ctx: ReadContext, range: SourceRange, openPath = path): Promise<RangeScanResult> {
  const { onHeader, onRecord } = recordHandler(path, fileIndex, groups, ctx);
  onHeader(range.header);
  const scanRange = { start: range.start, stop: range.stop, line: range.line, delimiter: range.header.delimiter };
  try {
    return await scanCsvRange(openPath, { delimiter: range.header.delimiter, displayPath: path }, scanRange, onRecord);
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.message);
    throw error;
  }
}
