import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delimiter } from '../../../src/io/csv/index.js';
import { collectBuffer, collectFile, type Collected } from './collect-records.js';
import { writeCsv, type CsvLayout } from './write-csv.js';

const cell = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', ' ', '"', ',', ';', '\t', '|', '\n', '\r', '\r\n', 'é', 'ñ', 'ß', '中', '😀', '\u00a0', '\ufeff'),
  maxLength: 6,
});
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
// A first cell starting with U+FEFF is indistinguishable from a BOM, so the generator avoids it.
const unambiguousTable = table.filter((rows) => !rows[0]![0]!.startsWith('\ufeff'));
const csvCase = fc.record({
  table: unambiguousTable,
  delimiter: fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
  bom: fc.boolean(),
  trailingEol: fc.boolean(),
  forceQuotes: fc.array(fc.array(fc.boolean(), { maxLength: 5 }), { maxLength: 8 }),
  chunkSize: fc.integer({ min: 1, max: 40 }),
});

/** Raise for a longer hunt, e.g. CSV_PROPERTY_RUNS=20000 npx vitest run test/io/csv */
const RUNS = Number(process.env.CSV_PROPERTY_RUNS ?? 400);

function asTable(got: Collected): string[][] {
  return [got.header?.names ?? [], ...got.rows];
}

function reference(text: string, layout: CsvLayout): string[][] {
  return parse(text, { bom: true, relax_column_count: true, delimiter: layout.delimiter, record_delimiter: layout.eol }) as string[][];
}

describe('scanCsvBuffer against csv-parse', () => {
  it('reads back random tables exactly, in place and in small chunks', () => {
    fc.assert(
      fc.property(csvCase, ({ table, chunkSize, ...layout }) => {
        const text = writeCsv(table, layout);
        const expected = reference(text, layout);
        expect(expected).toEqual(table); // the writer and reference agree on the table
        const options = { delimiter: layout.delimiter };
        expect(asTable(collectBuffer(text, options))).toEqual(table);
        const chunked = collectBuffer(text, { ...options, chunkSize });
        expect(asTable(chunked)).toEqual(table);
        expect(chunked.header?.hadBom).toBe(layout.bom);
        expect(chunked.result.records).toBe(table.length - 1);
        expect(chunked.result.bytes).toBe(Buffer.byteLength(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('numbers lines like the text does', () => {
    fc.assert(
      fc.property(csvCase, ({ table, chunkSize, ...layout }) => {
        const text = writeCsv(table, layout);
        const got = collectBuffer(text, { delimiter: layout.delimiter, chunkSize });
        // Each record starts on the line after all the line feeds of the previous ones.
        const expectedLines: number[] = [];
        let line = 1;
        table.forEach((row, r) => {
          if (r > 0) expectedLines.push(line);
          line += writeCsv([row], { ...layout, bom: false, trailingEol: true, forceQuotes: [layout.forceQuotes[r] ?? []] }).split('\n').length - 1;
        });
        expect(got.lines).toEqual(expectedLines);
        expect(got.result.lines).toBe(text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('delimiter sniffing', () => {
  it('finds the delimiter of a header whose names contain no other candidate', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', 'é', '"', '\n', ',', ';', '\t', '|'), maxLength: 5 });
    fc.assert(
      fc.property(fc.constantFrom<Delimiter>(',', ';', '\t', '|'), fc.array(name, { minLength: 2, maxLength: 6 }), (delimiter, names) => {
        const clean = names.map((n) => n.replace(/[,;\t|]/g, 'x'));
        const layout: CsvLayout = { delimiter, eol: '\n', bom: false, trailingEol: true, forceQuotes: [] };
        const got = collectBuffer(writeCsv([clean, clean], layout), { delimiter: 'auto' });
        expect(got.header).toEqual({ names: clean, delimiter, hadBom: false });
        expect(got.rows).toEqual([clean]);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('scanCsv against csv-parse', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rmos-csv-prop-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads random tables from plain and gzip files in small chunks', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(csvCase, fc.boolean(), async ({ table, chunkSize, ...layout }, gzip) => {
        const text = writeCsv(table, layout);
        const path = join(dir, `case-${n++}.csv`);
        await writeFile(path, gzip ? gzipSync(text) : text);
        const got = await collectFile(path, { delimiter: layout.delimiter, chunkSize });
        expect(asTable(got)).toEqual(reference(text, layout));
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});
