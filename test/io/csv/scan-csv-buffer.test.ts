import { describe, expect, it } from 'vitest';
import { CsvError, scanCsvBuffer, type CsvRecord } from '../../../src/io/csv/index.js';
import { collectBuffer, thrownBy } from './collect-records.js';

const CHUNK_SIZES = [1, 2, 3, 7, undefined] as const;

function csvError(run: () => unknown): CsvError {
  const error = thrownBy(run);
  expect(error).toBeInstanceOf(CsvError);
  return error as CsvError;
}

describe('scanCsvBuffer: structure', () => {
  it('reads header and records with line numbers and totals', () => {
    const got = collectBuffer('id,name\n1,Ann\n2,Bob\n');
    expect(got.header).toEqual({ names: ['id', 'name'], delimiter: ',', hadBom: false });
    expect(got.rows).toEqual([
      ['1', 'Ann'],
      ['2', 'Bob'],
    ]);
    expect(got.lines).toEqual([2, 3]);
    expect(got.result).toEqual({ records: 2, bytes: 20, lines: 3 });
  });

  it('strips a UTF-8 BOM and reports it', () => {
    const got = collectBuffer('\ufeffid;name\n1;Zoë\n');
    expect(got.header).toEqual({ names: ['id', 'name'], delimiter: ';', hadBom: true });
    expect(got.rows).toEqual([['1', 'Zoë']]);
  });

  it('handles CRLF, and a last line without newline', () => {
    const got = collectBuffer('a,b\r\n1,2\r\n3,4');
    expect(got.header?.names).toEqual(['a', 'b']);
    expect(got.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(got.result.lines).toBe(3);
  });

  it('keeps a CR that is not part of a line ending', () => {
    expect(collectBuffer('a,b\nx\ry,"p\rq"\n').rows).toEqual([['x\ry', 'p\rq']]);
    expect(collectBuffer('a,b\nx\r,y\n').rows).toEqual([['x\r', 'y']]);
  });

  it('unquotes delimiters, newlines and doubled quotes', () => {
    const got = collectBuffer('a,b,c\n"x,y","line1\nline2","say ""hi"""\n"",""""," "\n');
    expect(got.rows).toEqual([
      ['x,y', 'line1\nline2', 'say "hi"'],
      ['', '"', ' '],
    ]);
    expect(got.lines).toEqual([2, 4]);
  });

  it('counts embedded CRLF newlines in line numbers', () => {
    const got = collectBuffer('a,b\r\n"1\r\n2\r\n3",x\r\nlast,y\r\n');
    expect(got.rows).toEqual([
      ['1\r\n2\r\n3', 'x'],
      ['last', 'y'],
    ]);
    expect(got.lines).toEqual([2, 5]);
    expect(got.result.lines).toBe(5);
  });

  it('skips blank lines but counts them', () => {
    const got = collectBuffer('\n\na,b\n\n1,2\r\n\r\n\n3,4\n\n');
    expect(got.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(got.lines).toEqual([5, 8]);
    expect(got.result).toMatchObject({ records: 2, lines: 9 });
  });

  it('keeps whitespace around fields (a quote after a space is data)', () => {
    expect(collectBuffer('a,b\n  x , "y" \n').rows).toEqual([['  x ', ' "y" ']]);
  });

  it('keeps a quote inside an unquoted field as data, like Excel', () => {
    expect(collectBuffer('a,b\nab"c,5" tall\n').rows).toEqual([['ab"c', '5" tall']]);
  });

  it('keeps text after a closing quote', () => {
    expect(collectBuffer('a,b\n"ab"cd,"x""y"z\n').rows).toEqual([['abcd', 'x"yz']]);
  });

  it('delivers ragged rows as they are', () => {
    const seen: Array<[number, string, boolean, string, boolean]> = [];
    scanCsvBuffer(
      Buffer.from('a,b,c\n1,2\n1,2,3,4\n\n5\n'),
      { delimiter: ',' },
      () => undefined,
      (r) => seen.push([r.fieldCount, r.text(3), r.isEmpty(3), r.text(-1), r.isEmpty(1)]),
    );
    expect(seen).toEqual([
      [2, '', true, '', false],
      [4, '4', false, '', false],
      [1, '', true, '', true],
    ]);
  });

  it('accepts a header without data, with or without newline', () => {
    expect(collectBuffer('a,b\n')).toMatchObject({ rows: [], result: { records: 0, lines: 1 } });
    expect(collectBuffer('a,b')).toMatchObject({ header: { names: ['a', 'b'] }, rows: [], result: { records: 0, lines: 1 } });
  });

  it('reports empty fields cheaply through isEmpty', () => {
    const empties: boolean[] = [];
    scanCsvBuffer(Buffer.from('a,b,c,d\n,"",x,""""\n'), { delimiter: ',' }, () => undefined, (r) => {
      for (let i = 0; i < r.fieldCount; i++) empties.push(r.isEmpty(i));
    });
    expect(empties).toEqual([true, true, false, false]);
  });

  it('gives character columns and the physical line of each field', () => {
    const seen: Array<[number, number]> = [];
    scanCsvBuffer(Buffer.from('a,b,c\néé,"x\ny",z\n'), { delimiter: ',' }, () => undefined, (r: CsvRecord) => {
      for (let i = 0; i <= r.fieldCount; i++) seen.push([r.fieldLine(i), r.column(i)]);
    });
    // é is 2 bytes but 1 character; z starts on line 3 after the quoted newline.
    expect(seen).toEqual([
      [2, 1],
      [2, 4],
      [3, 4],
      [3, 5],
    ]);
  });
});

describe('scanCsvBuffer: delimiter', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n'],
    [';', 'a;b;c\n1;2;3\n'],
    ['\t', 'a\tb\tc\n1\t2\t3\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('sniffs %j', (delimiter, text) => {
    const got = collectBuffer(text);
    expect(got.header).toEqual({ names: ['a', 'b', 'c'], delimiter, hadBom: false });
    expect(got.rows).toEqual([['1', '2', '3']]);
  });

  it('ignores candidates inside quotes and breaks ties in the order , ; tab |', () => {
    expect(collectBuffer('"a,b,c";d;e\n').header?.delimiter).toBe(';');
    expect(collectBuffer('a,b;c\n').header?.delimiter).toBe(',');
    expect(collectBuffer('a|b\tc\n').header?.delimiter).toBe('\t');
    expect(collectBuffer('amount\n1,5\n').header).toEqual({ names: ['amount'], delimiter: ',', hadBom: false });
  });

  it('uses an explicit delimiter as given', () => {
    expect(collectBuffer('a;b,c\n1;2,3\n', { delimiter: ';' }).rows).toEqual([['1', '2,3']]);
  });

  it('sniffs a header that spans chunks', () => {
    const got = collectBuffer('first|second|"third\nline"\n1|2|3\n', { chunkSize: 2 });
    expect(got.header?.names).toEqual(['first', 'second', 'third\nline']);
    expect(got.lines).toEqual([3]);
  });
});

describe('scanCsvBuffer: chunk boundaries', () => {
  const text = '\ufeffname;note;n\r\n"Zoë ""Z""";"multi\r\nline; with 😀";1\r\n\r\nplain;"";2\r\n"a""";"b\rc";3';

  it.each(CHUNK_SIZES)('chunk size %s gives the same records', (chunkSize) => {
    const got = collectBuffer(text, chunkSize === undefined ? {} : { chunkSize });
    expect(got.header).toEqual({ names: ['name', 'note', 'n'], delimiter: ';', hadBom: true });
    expect(got.rows).toEqual([
      ['Zoë "Z"', 'multi\r\nline; with 😀', '1'],
      ['plain', '', '2'],
      ['a"', 'b\rc', '3'],
    ]);
    expect(got.lines).toEqual([2, 5, 6]);
    expect(got.result).toEqual({ records: 3, bytes: Buffer.byteLength(text), lines: 6 });
  });

  it('reads a record much longer than the chunk size', () => {
    const long = 'x'.repeat(100_000);
    const quoted = `"${'y,\n'.repeat(10_000)}"`;
    const got = collectBuffer(`a,b\n${long},${quoted}\nend,1\n`, { chunkSize: 7 });
    expect(got.rows.map((r) => r.map((f) => f.length))).toEqual([
      [100_000, 30_000],
      [3, 1],
    ]);
    expect(got.lines).toEqual([2, 10_003]);
  });
});

describe('scanCsvBuffer: errors', () => {
  it.each(['', '\ufeff', '  \r\n\t\n', '\ufeff\n\n'])('rejects empty input %j', (text) => {
    const error = csvError(() => collectBuffer(text, { displayPath: 'e.csv' }));
    expect(error.code).toBe('empty-file');
    expect(error.message).toBe('e.csv is empty: expected a header line');
    expect([error.path, error.line, error.column]).toEqual(['e.csv', 0, 0]);
  });

  it.each([
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.from([0xfe, 0xff, 0, 0x61, 0, 0x0a])],
    ['UTF-16 LE without BOM', Buffer.from('a,b\n1,2\n', 'utf16le')],
  ])('rejects %s', (_name, bytes) => {
    const error = csvError(() => collectBuffer(bytes, { displayPath: 'u.csv', chunkSize: 3 }));
    expect(error.code).toBe('utf16');
    expect(error.message).toBe('u.csv is UTF-16 encoded; save it as UTF-8 (CSV UTF-8 in Excel) and try again');
  });

  it('rejects a zip (xlsx) file', () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    const error = csvError(() => collectBuffer(bytes, { displayPath: 'book.csv' }));
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(/^book\.csv does not look like a CSV file: it is a zip archive, probably an Excel workbook/);
  });

  it('rejects binary content in the first kilobyte', () => {
    const bytes = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7919) % 256 || 1));
    expect(csvError(() => collectBuffer(bytes)).code).toBe('binary');
  });

  it('rejects a NUL byte anywhere, naming its line and column', () => {
    const text = `a,b\n${'1,2\n'.repeat(1000)}3,4\u0000\n`;
    for (const chunkSize of [5, undefined]) {
      const error = csvError(() => collectBuffer(text, { displayPath: 'n.csv', chunkSize }));
      expect([error.code, error.line, error.column]).toEqual(['binary', 1002, 4]);
      expect(error.message).toMatch(/^n\.csv:1002:4: contains a NUL byte, so it does not look like a CSV text file/);
    }
  });

  it('throws invalid-utf8 from text() with the field position, and only for that field', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\nok,"\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('"\n')]);
    const errors: unknown[] = [];
    scanCsvBuffer(bytes, { delimiter: ',', displayPath: 'l.csv' }, () => undefined, (r) => {
      expect(r.text(0)).toBe('ok');
      expect(r.isEmpty(1)).toBe(false);
      errors.push(thrownBy(() => r.text(1)));
    });
    const error = errors[0] as CsvError;
    expect(error).toBeInstanceOf(CsvError);
    expect([error.code, error.line, error.column]).toEqual(['invalid-utf8', 2, 4]);
    expect(error.message).toMatch(/^l\.csv:2:4: field 2 is not valid UTF-8 text; .*save it as UTF-8 \(CSV UTF-8 in Excel\)/);
  });

  it('accepts a genuine U+FFFD and long non-ASCII fields', () => {
    const long = 'Ünïcödé text, quite long 😀 '.repeat(5);
    expect(collectBuffer(`a,b\n\uFFFD,"${long}"\n`).rows).toEqual([['\uFFFD', long]]);
  });

  it('rejects invalid UTF-8 in long and quoted fields too', () => {
    const bytes = Buffer.concat([Buffer.from('a\n"a ""long"" field '), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]);
    scanCsvBuffer(bytes, { delimiter: ',' }, () => undefined, (r) => {
      expect((thrownBy(() => r.text(0)) as CsvError).code).toBe('invalid-utf8');
    });
  });

  it('rejects invalid UTF-8 in the header', () => {
    const bytes = Buffer.concat([Buffer.from('id,'), Buffer.from([0xff]), Buffer.from('\n')]);
    expect(csvError(() => collectBuffer(bytes)).code).toBe('invalid-utf8');
  });

  it.each(CHUNK_SIZES)('reports where an unterminated quote opened (chunk size %s)', (chunkSize) => {
    const text = 'a,b\n1,2\n3,"oops\n4,5\n6,7\n';
    const error = csvError(() => collectBuffer(text, { displayPath: 'q.csv', chunkSize }));
    expect([error.code, error.line, error.column]).toEqual(['unterminated-quote', 3, 3]);
    expect(error.message).toBe('q.csv:3:3: unterminated quoted field starting at line 3, column 3: add the closing quote');
  });

  it('reports an unterminated quote in the header', () => {
    const error = csvError(() => collectBuffer('a,"b\n1,2\n', { displayPath: 'h.csv' }));
    expect([error.code, error.line, error.column]).toEqual(['unterminated-quote', 1, 3]);
  });

  it('stops at maxRecordBytes with a hint about the open quote', () => {
    const text = `a,b\n1,2\n3,"${'x\n'.repeat(5000)}`;
    const error = csvError(() => collectBuffer(text, { chunkSize: 64, maxRecordBytes: 1000, displayPath: 'big.csv' }));
    expect([error.code, error.line, error.column]).toEqual(['record-too-large', 3, 3]);
    expect(error.message).toBe(
      'big.csv:3:3: the quoted field starting at line 3, column 3 is still open after 1000 bytes: add the missing closing quote',
    );
  });

  it('validates options', () => {
    expect(() => collectBuffer('a\n', { chunkSize: 0 })).toThrow(RangeError);
    expect(() => collectBuffer('a\n', { delimiter: ':' as never })).toThrow(TypeError);
  });

  it('honours an aborted signal', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => collectBuffer('a\n1\n', { signal: controller.signal })).toThrow(/abort/i);
  });
});
