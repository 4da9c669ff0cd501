import { InputError } from '../../errors.js';
import type { SourcePlan } from '../../core/compute/plan.js';
import { KeyCell } from '../../core/compute/key-cell.js';
import type { SourceRun } from '../../core/compute/source-run.js';
import type { Scalar } from '../../core/expression/runtime.js';
import { isInvalid, makeByteValueParser, makeValueParser, type ByteValueParser, type Invalid, type Value, type ValueOptions } from '../../core/values/index.js';
import { CsvError, scanCsv, type CsvHeader } from '../csv/index.js';
import type { RecordFields } from '../csv/record-fields.js';
import { compileDecode, type DecodeFields } from './compile-decode.js';
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

interface ColumnParsers {
  readonly text: ((raw: string) => Value | Invalid)[];
  /** Byte-level parsers for common shapes, tried first (null: always the text path). */
  readonly bytes: (ByteValueParser | null)[];
}

/** Parsers made so far, by plan, then by decimal mark and time zone. */
const parsersByPlan = new WeakMap<SourcePlan, Map<string, ColumnParsers>>();

/**
 * The parsers of a plan's columns. A parallel reader decodes every piece of a file with the
 * same plan: the same parser functions then serve every piece, so the decoder's calls to them
 * stay monomorphic from piece to piece (new functions for each piece would turn those call
 * sites megamorphic). A string column's interned values carry over too.
 */
function columnParsers(plan: SourcePlan, decimal: ValueOptions['decimal'], timezone: string): ColumnParsers {
  let made = parsersByPlan.get(plan);
  if (made === undefined) {
    made = new Map();
    parsersByPlan.set(plan, made);
  }
  const key = `${decimal}\u0000${timezone}`;
  let parsers = made.get(key);
  if (parsers === undefined) {
    const { source } = plan;
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
        timezone,
      }),
    );
    parsers = { text: options.map((o) => makeValueParser(o)), bytes: options.map((o) => makeByteValueParser(o)) };
    made.set(key, parsers);
  }
  return parsers;
}

class GroupDecoder {
  readonly values: Scalar[];
  readonly invalid: Uint8Array;
  private fields: number[] = [];
  private parsers: ((raw: string) => Value | Invalid)[] = [];
  /** The row's key, read once for every run of the group. */
  readonly key = new KeyCell();
  /**
   * When nothing but duplicate detection reads the key column, a plain ASCII key is read
   * from its bytes and never becomes a string (an id column is unique per row: no interning).
   */
  private keyReadFromBytes = false;
  private record: RecordFields | null = null;
  private decodeFields: DecodeFields = () => false;

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
    const parsers = columnParsers(plan, decimal, this.group.timezone);
    this.parsers = parsers.text;
    const keyColumn = plan.keySlot >= 0 ? plan.columns[plan.keySlot]! : null;
    const keyFromBytes = plan.keyOnly && keyColumn !== null && keyColumn.type === 'string' && keyColumn.values === undefined;
    this.decodeFields = compileDecode({
      fields: this.fields,
      parsers: parsers.bytes,
      keySlot: keyFromBytes ? plan.keySlot : -1,
      values: this.values,
      invalid: this.invalid,
      key: this.key,
      decodeText: (record, slot) => this.decodeText(record, slot),
    });
  }

  private keyText(): string {
    const { keySlot } = this.group.plan;
    return this.keyReadFromBytes ? this.record!.text(this.fields[keySlot]!).trim() : String(this.values[keySlot]);
  }

  decode(path: string, record: RecordFields, pending: Reject[]): void {
    this.path = path;
    this.pending = pending;
    this.record = record;
    this.keyReadFromBytes = this.decodeFields(record);
    if (!this.keyReadFromBytes) {
      const keySlot = this.group.plan.keySlot;
      const key = keySlot >= 0 && this.invalid[keySlot] === 0 ? this.values[keySlot]! : null;
      if (key === null) this.key.present = false;
      else this.key.setText(String(key));
    }
  }

  /** The file and rejects of the record being decoded, for decodeText. */
  private path = '';
  private pending: Reject[] = [];

  /** One cell through its text and the full parser, which owns the rules and the messages. */
  private decodeText(record: RecordFields, slot: number): void {
    const { values, invalid } = this;
    const field = this.fields[slot]!;
    if (record.isEmpty(field)) {
      values[slot] = null;
      invalid[slot] = 0;
      return;
    }
    const reject = (value: string | null, reason: string): void => {
      values[slot] = null;
      invalid[slot] = 1;
      this.pending.push({ file: this.path, line: record.fieldLine(field), column: record.column(field), field: this.group.plan.columns[slot]!.name, value, reason });
    };
    let raw: string;
    try {
      raw = record.text(field);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      reject(null, 'the cell is not UTF-8 text');
      return;
    }
    const parsed = this.parsers[slot]!(raw);
    if (isInvalid(parsed)) reject(raw, parsed.reason);
    else {
      values[slot] = parsed;
      invalid[slot] = 0;
    }
  }
}

interface RecordHandler {
  readonly onHeader: (header: CsvHeader) => void;
  readonly onRecord: (record: RecordFields) => void;
}

/**
 * Decoders kept from one range to the next (a parallel worker's pieces): while the header
 * stays the same, their generated code is made once and its call sites keep what they learnt.
 */
export class RangeDecoders {
  private decoders: GroupDecoder[] = [];
  private headerKey: string | null = null;

  constructor(readonly groups: readonly ConsumerGroup[]) {}

  /** The groups' decoders for a file with this header. */
  for(path: string, header: CsvHeader): GroupDecoder[] {
    const key = `${header.delimiter}\u0000${header.names.join('\u0000')}`;
    if (key !== this.headerKey) {
      this.decoders = this.groups.map((g) => new GroupDecoder(g));
      for (const d of this.decoders) d.header(path, header);
      this.headerKey = key;
    }
    return this.decoders;
  }
}

/**
 * Decodes each record for every consumer group and reports the rejects of rows counted invalid.
 * `made`: decoders that already have the header (onHeader then only takes its width).
 */
function recordHandler(path: string, fileIndex: number, groups: readonly ConsumerGroup[], ctx: ReadContext, made?: GroupDecoder[]): RecordHandler {
  const decoders = made ?? groups.map((g) => new GroupDecoder(g));
  let headerWidth = 0;
  const location = { file: fileIndex, line: 0 };
  // Problems of the current row, reported only if some metric counted the row as invalid.
  const pending: Reject[] = [];
  const seen = new Set<string>();

  const onHeader = (header: CsvHeader): void => {
    headerWidth = header.names.length;
    if (made === undefined) for (const d of decoders) d.header(path, header);
  };

  let rows = 0;
  const only = decoders.length === 1 && decoders[0]!.group.runs.length === 1 ? decoders[0]! : null;
  const onlyRun = only?.group.runs[0];
  const onRecord = (record: RecordFields): void => {
    if ((++rows & 0xffff) === 0) ctx.onProgress?.(rows);
    location.line = record.line;
    if (pending.length !== 0) pending.length = 0;
    const ragged = record.fieldCount !== headerWidth;
    if (ragged) pending.push({ file: path, line: record.line, column: null, field: null, value: null, reason: `the row has ${record.fieldCount} fields but the header has ${headerWidth}` });
    let countedInvalid = false;
    if (only !== null) {
      // One plan read by one run (the usual compute): no loops.
      if (!ragged) only.decode(path, record, pending);
      countedInvalid = onlyRun!.consume(only.values, only.invalid, ragged, location, only.key);
    } else {
      for (const d of decoders) {
        if (!ragged) d.decode(path, record, pending);
        for (const run of d.group.runs) if (run.consume(d.values, d.invalid, ragged, location, d.key)) countedInvalid = true;
      }
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

/**
 * Like readSourceFile over one byte range; the result says where the next record starts.
 * `openPath`: as in readSourceHead. `decoders`: kept from an earlier range of the same groups.
 */
export async function readSourceRange(path: string, fileIndex: number, groups: readonly ConsumerGroup[], ctx: ReadContext, range: SourceRange, openPath = path, decoders?: RangeDecoders): Promise<RangeScanResult> {
  const { onHeader, onRecord } = recordHandler(path, fileIndex, groups, ctx, decoders?.for(path, range.header));
  onHeader(range.header);
  const scanRange = { start: range.start, stop: range.stop, line: range.line, delimiter: range.header.delimiter };
  try {
    return await scanCsvRange(openPath, { delimiter: range.header.delimiter, displayPath: path }, scanRange, onRecord);
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.message);
    throw error;
  }
}
