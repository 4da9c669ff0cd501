import type { DuckdbConnection } from './duckdb-module.js';
import type { TextTable } from './read-text-tables.js';

/** The load-order column the compiled SQL orders duplicates by. */
export const ROW_ORDER_COLUMN = '_rmos_row';

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** Creates one VARCHAR table per source, named after it, with a row-number column in file order. */
export async function loadTextTable(connection: DuckdbConnection, table: TextTable): Promise<void> {
  const columns = [`${quote(ROW_ORDER_COLUMN)} BIGINT`, ...table.columns.map((c) => `${quote(c)} VARCHAR`)];
  await connection.run(`CREATE OR REPLACE TABLE ${quote(table.sourceId)} (${columns.join(', ')})`);
  const appender = await connection.createAppender(table.sourceId);
  table.rows.forEach((row, i) => {
    appender.appendBigInt(BigInt(i + 1));
    for (const cell of row) {
      if (cell === null) appender.appendNull();
      else appender.appendVarchar(cell);
    }
    appender.endRow();
  });
  appender.flushSync();
  appender.closeSync();
}
