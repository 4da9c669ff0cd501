import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FALLBACK, makeByteValueParser, makeValueParser, type ValueOptions } from '../../../src/core/values/index.js';

const encoder = new TextEncoder();

/** The byte fast path must give exactly what the text parser gives, or step aside. */
function agree(options: ValueOptions, cell: string): void {
  const fast = makeByteValueParser(options);
  const full = makeValueParser(options);
  if (fast === null) return;
  const bytes = encoder.encode(`  ${cell} `);
  let start = 0;
  let end = bytes.length;
  while (start < end && (bytes[start] === 32 || (bytes[start]! >= 9 && bytes[start]! <= 13))) start++;
  while (end > start && (bytes[end - 1] === 32 || (bytes[end - 1]! >= 9 && bytes[end - 1]! <= 13))) end--;
  if (start === end) return; // blank cells never reach the fast path
  const value = fast(bytes, start, end);
  if (value !== FALLBACK) expect([cell, value]).toEqual([cell, full(cell)]);
}

const base = { decimal: '.', timezone: 'UTC' } as const;
const shapes = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789+-.,eE :TZtz'.split('')), maxLength: 22 }),
  fc.integer({ min: -1e16, max: 1e16 }).map(String),
  fc.double({ noNaN: true }).map(String),
  fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19) + 'Z'),
  fc.constantFrom('9.0', '9.00', '09', '-0', '+7', '1,0', '2025-02-29', '2024-02-29', '2025-13-01T00:00:00Z', '2025-01-01 24:00:00', 'NA', 'n/a', 'Null', '-', 'Yes', 'NO', 'T', 'f', '1', '0', 'maybe', 'N', 'n', 'unknown', 'UNKNOWN', 'unknow', 'falsey', 'TRUE ', 'ÿes', 'nulls'),
  // The edges of the month table (1900..2199) and of the calendar.
  fc.constantFrom('1899-12-31', '1900-01-01', '1900-02-29', '2000-02-29', '2100-02-29', '2199-12-31', '2200-01-01', '2025-04-31', '2025-00-10', '2025-01-00', '0000-01-01'),
  fc.constantFrom('1899-12-31T23:59:59Z', '1900-01-01T00:00:00Z', '2000-02-29T12:00:00Z', '2100-02-29T00:00:00Z', '2199-12-31T23:59:59Z', '2200-01-01T00:00:00Z', '2025-06-31T00:00:00Z'),
);

describe('byte-level value parsers', () => {
  const cases: ValueOptions[] = [
    { ...base, type: 'integer' },
    { ...base, type: 'integer', min: 0, max: 10 },
    { ...base, type: 'integer', decimal: ',' },
    { ...base, type: 'number' },
    { ...base, type: 'number', decimal: ',', min: -5, max: 5 },
    { ...base, type: 'boolean' },
    { ...base, type: 'boolean', missingTokens: ['unknown', 'N'] },
    { ...base, type: 'date' },
    { ...base, type: 'timestamp' },
    { ...base, type: 'timestamp', timezone: 'Europe/Berlin' },
    { ...base, type: 'string', missingTokens: [] },
    { ...base, type: 'string', missingTokens: [], values: ['EMEA', 'NA'] },
  ];
  for (const options of cases) {
    it(`agree with the text parser: ${JSON.stringify(options)}`, () => {
      fc.assert(fc.property(shapes, (cell) => agree(options, cell)), { numRuns: 3000 });
    });
  }

  it('read the common shapes without falling back', () => {
    const parse = (options: ValueOptions, cell: string) => makeByteValueParser(options)!(encoder.encode(cell), 0, cell.length);
    expect(parse({ ...base, type: 'integer', min: 0, max: 10 }, '9.0')).toBe(9);
    expect(parse({ ...base, type: 'integer', min: 0, max: 10 }, '11')).toBe(FALLBACK);
    expect(parse({ ...base, type: 'number' }, '-12.5')).toBe(-12.5);
    expect(parse({ ...base, type: 'boolean' }, 'N/A')).toBe(null);
    expect(parse({ ...base, type: 'boolean' }, 'Yes')).toBe(true);
    expect(parse({ ...base, type: 'timestamp' }, '2025-03-01T10:20:30Z')).toBe(Date.UTC(2025, 2, 1, 10, 20, 30));
    expect(parse({ ...base, type: 'date' }, '2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    for (const [y, m, d] of [[1899, 12, 31], [1900, 1, 1], [1900, 2, 28], [2000, 2, 29], [2100, 3, 1], [2199, 12, 31], [2200, 1, 1]] as const) {
      const cell = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      expect([cell, parse({ ...base, type: 'date' }, cell)]).toEqual([cell, Date.UTC(y, m - 1, d) / 86_400_000]);
    }
    expect(parse({ ...base, type: 'date' }, '1900-02-29')).toBe(FALLBACK);
    expect(parse({ ...base, type: 'date' }, '2100-02-29')).toBe(FALLBACK);
    expect(parse({ ...base, type: 'string', missingTokens: [] }, 'EMEA')).toBe('EMEA');
  });

  it('step aside when a missing token looks like a number', () => {
    expect(makeByteValueParser({ ...base, type: 'integer', missingTokens: ['-1'] })).toBe(null);
    expect(makeByteValueParser({ ...base, type: 'string', missingTokens: ['NA'] })).toBe(null);
  });

  it('interns repeated strings', () => {
    const parse = makeByteValueParser({ ...base, type: 'string', missingTokens: [] })!;
    const a = parse(encoder.encode('x,EMEA'), 2, 6);
    const b = parse(encoder.encode('EMEA,y'), 0, 4);
    expect(a).toBe('EMEA');
    expect(b).toBe(a);
  });
});
