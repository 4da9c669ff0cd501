import { scanCsv, scanCsvBuffer, type CsvHeader, type CsvReadOptions, type CsvScanResult } from '../../../src/io/csv/index.js';

export interface Collected {
  header: CsvHeader | undefined;
  rows: string[][];
  lines: number[];
  result: CsvScanResult;
}

/** Copies everything the scanner delivers into plain arrays (the record object is reused). */
export function collectBuffer(input: string | Uint8Array, options: Partial<CsvReadOptions> = {}): Collected {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  let header: CsvHeader | undefined;
  const rows: string[][] = [];
  const lines: number[] = [];
  const result = scanCsvBuffer(
    bytes,
    { delimiter: 'auto', ...options },
    (h) => (header = h),
    (record) => {
      const row: string[] = [];
      for (let i = 0; i < record.fieldCount; i++) row.push(record.text(i));
      rows.push(row);
      lines.push(record.line);
    },
  );
  return { header, rows, lines, result };
}

export async function collectFile(path: string, options: Partial<CsvReadOptions> = {}): Promise<Collected> {
  let header: CsvHeader | undefined;
  const rows: string[][] = [];
  const lines: number[] = [];
  const result = await scanCsv(
    path,
    { delimiter: 'auto', ...options },
    (h) => (header = h),
    (record) => {
      const row: string[] = [];
      for (let i = 0; i < record.fieldCount; i++) row.push(record.text(i));
      rows.push(row);
      lines.push(record.line);
    },
  );
  return { header, rows, lines, result };
}

/** Runs `run` and returns the error it throws (fails the test when it does not throw). */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
