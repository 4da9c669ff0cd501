import { describe, expect, it } from 'vitest';
import { CsvScanner } from '../../../src/io/csv/csv-scanner.js';
import type { ScannerSettings } from '../../../src/io/csv/scanner-settings.js';

/** A range scan of `input` from offset 0 to `stop`, fed `chunkSize` bytes at a time as a file read would. */
function scanRange(input: Buffer, stop: number, chunkSize: number) {
  const lines: number[] = [];
  const settings: ScannerSettings = {
    path: 'export.csv',
    delimiter: ',',
    chunkSize,
    maxRecordBytes: 1 << 20,
    onHeader: () => undefined,
    onRecord: (fields) => lines.push(fields.line),
    range: { start: 0, stop, line: 1, delimiter: ',' },
    stopAt: stop,
  };
  const scanner = new CsvScanner(settings);
  let position = 0;
  while (!scanner.done && position < input.length) {
    const n = Math.min(scanner.freeSpace(), input.length - position);
    input.copy(scanner.buffer, scanner.end, position, position + n);
    position += n;
    scanner.commit(n);
  }
  const { records } = scanner.finish();
  return { records, lines, next: scanner.position(), bufferBytes: scanner.buffer.length };
}

describe('CsvScanner over a byte range', () => {
  const rows = Array.from({ length: 200 }, (_, i) => `R-${i},2025-01-01,${i % 11}\n`).join('');
  const input = Buffer.from(rows);

  it('reads the records that start before the stop and says where the next one starts', () => {
    const stop = input.indexOf('R-50,');
    const { records, lines, next } = scanRange(input, stop, 256);
    expect(records).toBe(50);
    expect(lines.at(-1)).toBe(50);
    expect(next).toEqual({ offset: stop, line: 51 });
  });

  it('keeps its read buffer when it stops with most of a full buffer unread', () => {
    // The stop falls early in a full buffer: the unread rest is not a record to carry over, so
    // the buffer must neither move it nor double for it (a doubled buffer is not reused by
    // the next range, and a parallel read would allocate one per piece).
    for (const stop of [1, 30, 100, 300, 1000]) {
      const at = input.indexOf('\n', stop) + 1;
      expect(scanRange(input, at, 256).bufferBytes).toBe(256);
    }
  });
});
