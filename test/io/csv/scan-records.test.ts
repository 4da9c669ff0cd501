import { readFileSync } from 'node:fs';
import { CsvScanner } from '../../../src/io/csv/csv-scanner.js';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { scanCsvBuffer, type CsvReadOptions } from '../../../src/io/csv/index.js';
import { QUOTED_COMPLEX, type RecordFields } from '../../../src/io/csv/record-fields.js';
import { assembleScanRecords, SOURCE } from '../../../scripts/assemble-scan-records.mjs';
import { SCAN_RECORDS_WASM } from '../../../src/io/csv/scan-records-wasm.js';
import { ScanKernel, setSimdScanning } from '../../../src/io/csv/scan-kernel.js';

interface Snapshot {
  header?: unknown;
  records: unknown[];
  result?: unknown;
  error?: string;
}

/** Everything a record tells its reader: offsets, kinds, line, texts (or the scan's error). */
function snapshot(input: string, options: Partial<CsvReadOptions>, simd: boolean): Snapshot {
  setSimdScanning(simd);
  const out: Snapshot = { records: [] };
  try {
    out.result = scanCsvBuffer(
      Buffer.from(input),
      { delimiter: ',', ...options },
      (header) => (out.header = header),
      (record) => {
        const r = record as RecordFields;
        const fields = [];
        for (let i = 0; i < r.fieldCount; i++) {
          fields.push([r.starts[r.first + i], r.ends[r.first + i], r.quoted ? r.kinds[r.first + i] : 0, r.isRaw(i), r.isEmpty(i), i < 64 ? r.column(i) : 0, r.text(i)]);
        }
        out.records.push({ line: r.line, start: r.recordStart, fields, beyond: r.column(r.fieldCount) });
      },
    );
  } catch (error) {
    out.error = (error as Error).message;
  } finally {
    setSimdScanning(true);
  }
  return out;
}

afterEach(() => setSimdScanning(true));

const piece = fc.constantFrom('a', 'bc', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'é', ',"', '",', '"\n', '\n"');
const messy = fc.array(piece, { maxLength: 160 }).map((parts) => parts.join(''));

describe('records found with SIMD against splitting in JavaScript', () => {
  it('is available here (the tests below compare it with something)', () => {
    expect(ScanKernel.acquire()).not.toBeNull();
  });

  it('gives the same records, offsets, kinds, lines and errors on random messy input', () => {
    fc.assert(
      fc.property(
        messy,
        fc.constantFrom(',', ';', '\t', '|'),
        fc.option(fc.integer({ min: 1, max: 70 }), { nil: undefined }),
        (body, delimiter, chunkSize) => {
          const input = `h1${delimiter}h2${delimiter}h3\n${body}`;
          const options = { delimiter: delimiter as ',' | ';' | '\t' | '|', ...(chunkSize === undefined ? {} : { chunkSize }) };
          expect(snapshot(input, options, true)).toEqual(snapshot(input, options, false));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives the same records for quoting that RFC 4180 allows and quoting it does not', () => {
    const cases = [
      'a,b\n"x","y"\n"x""q",y\n"",""\n"""",a\n"a\nb",c\r\n"d\r\ne",f\r\n',
      'a,b\nab"c,d\n"ab"c,d\n"a"b"c",d\n"a""b"c,d\n x ,"y" \n',
      'a,b\n"a"\r,b\n"a"\rb,c\n"unterminated,a\nb,c\n',
      'a,b\n1,2\r\n\r\n\n3,4\r',
      'a,b\n"x",\n,"y"\n"x""",""""\n',
    ];
    for (const input of cases) {
      for (const chunkSize of [undefined, 1, 3, 64, 65]) {
        const options = chunkSize === undefined ? {} : { chunkSize };
        const simd = snapshot(input, options, true);
        expect(simd).toEqual(snapshot(input, options, false));
      }
    }
  });

  it('gives the same records when a buffer holds more records (1,600) or fields (16,384) than one call writes', () => {
    const row = `${Array.from({ length: 40 }, (_, i) => (i % 7 === 0 ? '"q,\n"' : 'v')).join(',')}\n`;
    const input = `${Array.from({ length: 40 }, (_, i) => `c${i}`).join(',')}\n${row.repeat(2000)}`;
    const simd = snapshot(input, {}, true);
    expect(simd.records).toHaveLength(2000);
    expect(simd).toEqual(snapshot(input, {}, false));
    // A record with more fields than one call writes is split in JavaScript.
    const wide = `h\n${'x,'.repeat(17000)}y\nz\n`;
    const wideSimd = snapshot(wide, {}, true);
    expect((wideSimd.records[0] as { fields: unknown[] }).fields).toHaveLength(17001);
    expect(wideSimd).toEqual(snapshot(wide, {}, false));
  });

  it('stops byte ranges where splitting in JavaScript stops them, with the same lines', () => {
    // A file read in ranges, as the parallel reader reads its pieces: each range's records, the
    // offset and line where the next range starts, for random stops (blank lines and records
    // running past the stop included).
    const scanRanges = (input: Buffer, stops: number[], chunkSize: number, simd: boolean) => {
      setSimdScanning(simd);
      const out: unknown[] = [];
      try {
        let start = 0;
        let line = 1;
        for (const stop of [...stops, input.length + 1]) {
          if (stop <= start) continue;
          const settings = {
            path: 'x.csv',
            delimiter: ',' as const,
            chunkSize,
            maxRecordBytes: 1 << 20,
            onHeader: () => undefined,
            onRecord: (r: RecordFields) => out.push([r.line, r.recordStart, r.fieldCount, r.text(0), r.text(r.fieldCount - 1)]),
            range: { start, stop, line, delimiter: ',' as const },
            stopAt: stop,
          };
          const scanner = new CsvScanner(settings);
          let position = start;
          try {
            while (!scanner.done && position < input.length) {
              const n = Math.min(scanner.freeSpace(), input.length - position);
              input.copy(scanner.buffer, scanner.end, position, position + n);
              position += n;
              scanner.commit(n);
            }
            out.push(scanner.finish().records);
          } catch (error) {
            out.push((error as Error).message);
            break;
          }
          ({ offset: start, line } = scanner.position());
          scanner.release();
          out.push([start, line]);
        }
      } finally {
        setSimdScanning(true);
      }
      return out;
    };
    fc.assert(
      fc.property(messy, fc.array(fc.nat(200), { maxLength: 6 }), fc.integer({ min: 8, max: 90 }), (body, stops, chunkSize) => {
        const input = Buffer.from(body);
        const sorted = [...stops].sort((a, b) => a - b);
        expect(scanRanges(input, sorted, chunkSize, true)).toEqual(scanRanges(input, sorted, chunkSize, false));
      }),
      { numRuns: 1500 },
    );
  });

  it('marks a quoted field with a doubled quote as one to unquote', () => {
    const simd = snapshot('a,b\n"x""y",z\n', {}, true);
    const fields = (simd.records[0] as { fields: unknown[][] }).fields;
    expect(fields[0]!.slice(2, 4)).toEqual([QUOTED_COMPLEX, false]);
    expect(fields[0]![6]).toBe('x"y');
  });
});

describe('the assembled index', () => {
  it('is the current scan-records.wat assembled', async () => {
    const bytes = await assembleScanRecords(readFileSync(SOURCE, 'utf8'));
    expect(bytes.toString('base64')).toBe(SCAN_RECORDS_WASM);
  });
});
