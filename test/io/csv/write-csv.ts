/** Test helper: writes a table as CSV the way spreadsheet exports do, with optional extra quoting. */
export interface CsvLayout {
  delimiter: string;
  eol: '\n' | '\r\n';
  bom: boolean;
  trailingEol: boolean;
  /** quoteAll[r][c] forces quotes on a cell that does not need them. */
  forceQuotes: boolean[][];
}

export function writeCsv(table: string[][], layout: CsvLayout): string {
  const lines = table.map((row, r) => {
    const plain = row.map((cell, c) => (needsQuotes(cell, layout.delimiter) || layout.forceQuotes[r]?.[c] ? quote(cell) : cell));
    const line = plain.join(layout.delimiter);
    // A line of only spaces/tabs would be read as a blank line; quoting keeps the row.
    return /^[ \t]*$/.test(line) ? row.map(quote).join(layout.delimiter) : line;
  });
  return (layout.bom ? '\ufeff' : '') + lines.join(layout.eol) + (layout.trailingEol ? layout.eol : '');
}

function needsQuotes(cell: string, delimiter: string): boolean {
  return cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r');
}

function quote(cell: string): string {
  return `"${cell.replaceAll('"', '""')}"`;
}
