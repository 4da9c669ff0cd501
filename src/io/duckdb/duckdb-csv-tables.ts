import type { LibraryAnalysis } from '../../core/library/analyze-metric.js';
import { planSql } from '../../core/sql/plan-sql.js';
import type { DecimalMark } from '../../core/sql/value-patterns.js';
import { InputError } from '../../errors.js';
import { CsvError, scanCsv, type CsvHeader } from '../csv/index.js';
import { checkDataDir, findSourceFiles } from '../data/find-source-files.js';
import { matchHeader } from '../data/match-header.js';
import { ROW_ORDER_COLUMN } from './load-text-tables.js';

const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const FILE_STRIDE = 1_000_000_000;

async function readHeader(path: string, delimiter: 'auto' | ',' | ';' | '\t' | '|'): Promise<CsvHeader> {
  const stop = new AbortController();
  let found: CsvHeader | undefined;
  try {
    await scanCsv(path, { delimiter, displayPath: path, signal: stop.signal }, (header) => {
      found = header;
      stop.abort();
    }, () => stop.abort());
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.message);
    if (!found) throw error;
  }
  if (!found) throw new InputError(`${path}: the file is empty`);
  return found;
}

/**
 * For `rmos compile --dialect duckdb --data DIR`: each source's files as DuckDB read_csv
 * calls, their headers matched to the source's columns by rmos (aliases included), all
 * cells as text, and a row order of file then position in the file.
 */
export async function duckdbCsvTables(analysis: LibraryAnalysis, metricIds: readonly string[], by: readonly string[], dir: string) {
  checkDataDir(dir);
  const plan = planSql(analysis, metricIds, by);
  const tables = new Map<string, string>();
  const decimals = new Map<string, DecimalMark>();
  const orderBy = new Map<string, string>();
  for (const { source, columns } of plan.sources) {
    const files = findSourceFiles(dir, source.id);
    if (files.length === 0) throw new InputError(`no export for the source '${source.id}' in ${dir} (looked for ${source.id}.csv, ${source.id}*.csv, ${source.id}*.csv.gz and ${source.id}/)`);
    const defs = columns.map((c) => source.columns.get(c)!);
    const parts: string[] = [];
    for (const [index, file] of files.entries()) {
      const header = await readHeader(file, source.dialect.delimiter);
      const fields = matchHeader(file, header.names, source, defs, defs.map((c) => `column ${c.name}`));
      decimals.set(source.id, source.dialect.decimal === 'auto' ? (header.delimiter === ';' ? ',' : '.') : source.dialect.decimal);
      const select = columns.map((c, i) => `${quote(header.names[fields[i]!]!)} AS ${quote(c)}`);
      // DuckDB reads a CSV file in order; ROW_NUMBER() OVER () numbers its rows as read.
      parts.push(
        `SELECT CAST(${index} AS BIGINT) * ${FILE_STRIDE} + ROW_NUMBER() OVER () AS ${quote(ROW_ORDER_COLUMN)}, ${select.join(', ')} FROM read_csv(${sqlString(file)}, header = true, all_varchar = true, delim = ${sqlString(header.delimiter)}, quote = '"', escape = '"')`,
      );
    }
    tables.set(source.id, `(\n    ${parts.join('\n    UNION ALL ')}\n  ) AS ${quote(`${source.id}__csv`)}`);
    orderBy.set(source.id, ROW_ORDER_COLUMN);
  }
  return { tables, decimals, orderBy };
}
