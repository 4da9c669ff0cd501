import { InputError } from '../../errors.js';
import type { SourceRun } from '../../core/compute/source-run.js';
import type { Scalar } from '../../core/expression/runtime.js';
import type { SourcePlan } from '../../core/compute/plan.js';
import { isInvalid, makeValueParser, type Invalid, type Value } from '../../core/values/index.js';
import { CsvError, scanCsv, type CsvRecord } from '../csv/index.js';
import { matchHeader } from './match-header.js';

/** An invalid cell, for --rejects and the summary. */
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
  readonly onProgress?: (bytes: number, rows: number) => void;
  readonly signal?: AbortSignal;
}

/** Streams one export through a source run: only the planned columns are decoded. */
export async function readSourceFile(path: string, fileIndex: number, plan: SourcePlan, run: SourceRun, ctx: ReadContext): Promise<FileRead> {
  const { source } = plan;
  const width = plan.columns.length;
  const values: Scalar[] = new Array<Scalar>(width).fill(null);
  const invalid = new Uint8Array(width);
  let fields: number[] = [];
  let headerWidth = 0;
  let parsers: ((raw: string) => Value | Invalid)[] = [];
  const location = { file: fileIndex, line: 0 };
  // Invalid cells of the current row, reported only if the row matters for the period.
  const pending: Reject[] = [];

  const onHeader = (header: { names: string[]; delimiter: string }): void => {
    fields = matchHeader(path, header.names, source, plan.columns, plan.needs);
    headerWidth = header.names.length;
    const decimal = source.dialect.decimal === 'auto' ? (header.delimiter === ';' ? ',' : '.') : source.dialect.decimal;
    parsers = plan.columns.map((column) =>
      makeValueParser({
        type: column.type,
        decimal,
        // In text columns only a blank cell is missing: "NA" may well be North America.
        missingTokens: column.type === 'string' ? [] : source.dialect.missingValues,
        min: column.min,
        max: column.max,
        values: column.values,
        dateFormat: source.dialect.dateFormat,
        timestampFormat: source.dialect.timestampFormat,
        timezone: ctx.timezone,
      }),
    );
  };

  const onRecord = (record: CsvRecord): void => {
    location.line = record.line;
    const ragged = record.fieldCount !== headerWidth;
    pending.length = 0;
    if (ragged) {
      pending.push({ file: path, line: record.line, column: null, field: null, value: null, reason: `the row has ${record.fieldCount} fields but the header has ${headerWidth}` });
    } else {
      for (let slot = 0; slot < width; slot++) {
        const field = fields[slot]!;
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
          pending.push({ file: path, line: record.fieldLine(field), column: record.column(field), field: plan.columns[slot]!.name, value: null, reason: 'the cell is not UTF-8 text' });
          continue;
        }
        const parsed = parsers[slot]!(raw);
        if (isInvalid(parsed)) {
          values[slot] = null;
          invalid[slot] = 1;
          pending.push({ file: path, line: record.fieldLine(field), column: record.column(field), field: plan.columns[slot]!.name, value: raw, reason: parsed.reason });
        } else {
          values[slot] = parsed;
          invalid[slot] = 0;
        }
      }
    }
    const inPlay = run.consume(values, invalid, ragged, location);
    if (inPlay) for (const reject of pending) ctx.onReject(reject);
  };

  try {
    const result = await scanCsv(path, { delimiter: source.dialect.delimiter, displayPath: path, signal: ctx.signal }, onHeader, onRecord);
    return { path, rows: result.records, bytes: result.bytes };
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.message);
    throw error;
  }
}
