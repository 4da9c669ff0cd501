/**
 * Byte-level streaming CSV reader: splits records into field offsets without building strings,
 * and decodes a field only when the caller asks for it (CsvRecord.text).
 */
export { CsvError, type CsvErrorCode } from './csv-error.js';
export type { CsvHeader, CsvReadOptions, CsvRecord, CsvScanResult, Delimiter, OnCsvHeader, OnCsvRecord } from './csv-types.js';
export { scanCsv } from './scan-csv.js';
export { scanCsvBuffer } from './scan-csv-buffer.js';
