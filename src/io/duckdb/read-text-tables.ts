import type { SqlSourcePlan } from '../../core/sql/plan-sql.js';
import type { DecimalMark } from '../../core/sql/value-patterns.js';
import { InputError } from '../../errors.js';
import { CsvError, scanCsv } from '../csv/index.js';
import { matchHeader } from '../data/match-header.js';

/** One source's exports as text: the needed columns under their canonical names, in file order. */
export interface TextTable {
  readonly sourceId: string;
  readonly columns: readonly string[];
  /** Cells per row, null where the export's cell is empty. */
  readonly rows: (string | null)[][];
  /** The decimal mark the source's cells use ('auto': a comma when the file is semicolon-delimited). */
  readonly decimal: DecimalMark;
  readonly files: readonly { readonly path: string; readonly rows: number }[];
}

/**
 * Reads the exports of one source with rmos's own CSV reader and header matching, so that
 * SQL engines get the same cells the built-in engine types: same quoting, BOM, gzip and
 * header aliases. Cells stay text; typing them is the compiled SQL's job.
 */
export async function readTextTable(plan: SqlSourcePlan, files: readonly string[]): Promise<TextTable> {
  const { source, columns } = plan;
  const defs = columns.map((c) => source.columns.get(c)!);
  const rows: (string | null)[][] = [];
  const read: { path: string; rows: number }[] = [];
  let decimal: DecimalMark | undefined;
  for (const path of files) {
    let fields: number[] = [];
    let width = 0;
    try {
      const result = await scanCsv(
        path,
        { delimiter: source.dialect.delimiter, displayPath: path },
        (header) => {
          width = header.names.length;
          fields = matchHeader(path, header.names, source, defs, defs.map((c) => `column ${c.name}`));
          const mark: DecimalMark = source.dialect.decimal === 'auto' ? (header.delimiter === ';' ? ',' : '.') : source.dialect.decimal;
          if (decimal !== undefined && decimal !== mark) throw new InputError(`${path}: the ${source.id} exports mix decimal marks; the SQL engines need one per source`);
          decimal = mark;
        },
        (record) => {
          if (record.fieldCount !== width) {
            throw new InputError(`${path}:${record.line}: the row has ${record.fieldCount} fields but the header has ${width}; the DuckDB engine needs whole rows (the built-in engine counts it as invalid)`);
          }
          rows.push(fields.map((f) => (record.isEmpty(f) ? null : record.text(f))));
        },
      );
      read.push({ path, rows: result.records });
    } catch (error) {
      if (error instanceof CsvError) throw new InputError(error.message);
      throw error;
    }
  }
  return { sourceId: source.id, columns, rows, decimal: decimal ?? '.', files: read };
}
