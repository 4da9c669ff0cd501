import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ValueOptions, isInvalid, makeValueParser } from '../../../src/core/values/index.js';

function parser(options: Partial<ValueOptions> & Pick<ValueOptions, 'type'>) {
  return makeValueParser({ decimal: '.', timezone: 'UTC', ...options });
}

function reasonOf(value: unknown): string {
  if (value !== null && typeof value === 'object' && 'reason' in value) return String(value.reason);
  throw new Error(`expected an invalid result, got ${JSON.stringify(value)}`);
}

describe('integer cells', () => {
  const parse = parser({ type: 'integer' });

  it.each([
    [' 9 ', 9],
    ['9', 9],
    ['9.0', 9],
    ['9.00', 9],
    ['+9', 9],
    ['-3', -3],
    ['\u22123', -3],
    ['007', 7],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['1 234 567', 1234567],
    ['-0', 0],
    ['9007199254740991', 9007199254740991],
  ])('reads %j as %d', (raw, expected) => {
    expect(parse(raw)).toBe(expected);
  });

  it('returns positive zero for -0 so it prints as 0', () => {
    expect(Object.is(parse('-0'), 0)).toBe(true);
  });

  it.each([
    ['9.5', '"9.5" is not an integer'],
    ['nine', '"nine" is not an integer'],
    ['9a', '"9a" is not an integer'],
    ['1e3', '"1e3" is not an integer'],
    ['9.', '"9." is not an integer'],
    ['1,23', '"1,23" is not an integer'],
    ['1,2345', '"1,2345" is not an integer'],
    ['0,123', '"0,123" is not an integer'],
    ['1,234 567', '"1,234 567" is not an integer'],
    ['--3', '"--3" is not an integer'],
    ['+', '"+" is not an integer'],
    ['9 9', '"9 9" is not an integer'],
    ['9007199254740993', '"9007199254740993" is too large to be an exact integer'],
  ])('rejects %j', (raw, reason) => {
    expect(reasonOf(parse(raw))).toBe(reason);
  });

  it('checks an inclusive range and names the bound', () => {
    const score = parser({ type: 'integer', min: 0, max: 10 });
    expect(score('0')).toBe(0);
    expect(score('10')).toBe(10);
    expect(reasonOf(score('11'))).toBe('11 is above the maximum 10');
    expect(reasonOf(score(' -1 '))).toBe('-1 is below the minimum 0');
    expect(reasonOf(score('ten'))).toBe('"ten" is not an integer');
  });

  it('uses the source decimal comma: 9,0 is 9 and 1.234 is 1234', () => {
    const parse = parser({ type: 'integer', decimal: ',' });
    expect(parse('9,0')).toBe(9);
    expect(parse('1.234')).toBe(1234);
    expect(reasonOf(parse('9,5'))).toBe('"9,5" is not an integer');
  });
});

describe('number cells', () => {
  const parse = parser({ type: 'number' });

  it.each([
    ['1,234,567.5', 1234567.5],
    ['1 234 567.5', 1234567.5],
    ['1\u00a0234.5', 1234.5],
    ["1'234.5", 1234.5],
    ['0.1', 0.1],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['1.5e3', 1500],
    ['1.5E+3', 1500],
    ['25e-2', 0.25],
    ['-2.75', -2.75],
    ['123456789012345678.25', 123456789012345680],
    ['0.000000000000000000000001', 1e-24],
  ])('reads %j as %d', (raw, expected) => {
    expect(parse(raw)).toBe(expected);
  });

  it.each(['5.', '1,23', '1.234,56', '1,234.5.6', 'e5', '1e', '1e+', '0x10', 'Infinity', 'NaN', '1,234e', '12,34,567'])(
    'rejects %j',
    (raw) => {
      expect(reasonOf(parse(raw))).toBe(`"${raw}" is not a number`);
    },
  );

  it('rejects values too large for a double', () => {
    expect(reasonOf(parse('1e400'))).toBe('"1e400" is not a number');
  });

  it('reads decimal-comma sources with dot, space, no-break space or apostrophe groups', () => {
    const parse = parser({ type: 'number', decimal: ',' });
    expect(parse('1.234.567,5')).toBe(1234567.5);
    expect(parse('1 234 567,5')).toBe(1234567.5);
    expect(parse('1\u00a0234,5')).toBe(1234.5);
    expect(parse('1\u202f234,5')).toBe(1234.5);
    expect(parse("1'234,5")).toBe(1234.5);
    expect(parse('1,5e3')).toBe(1500);
    expect(parse('0,25')).toBe(0.25);
    expect(reasonOf(parse('1.5'))).toBe('"1.5" is not a number');
    expect(reasonOf(parse('1,234.5'))).toBe('"1,234.5" is not a number');
  });

  it('parses what JavaScript prints for any finite double back to the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parse(String(x))).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses en-US and de-DE formatted amounts to the rounded value', () => {
    const en = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    const de = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
    const parseDe = parser({ type: 'number', decimal: ',' });
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const x = whole + Math.sign(whole || 1) * cents / 100;
        const expected = Number(x.toFixed(2));
        expect(parse(en.format(x))).toBe(expected);
        expect(parseDe(de.format(x))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('currency cells', () => {
  const parse = parser({ type: 'currency' });

  it.each([
    ['$1,234.50', 1234.5],
    ['$ 1,234.50', 1234.5],
    ['1,234.50 $', 1234.5],
    ['1234.5', 1234.5],
    ['-$5', -5],
    ['$-5', -5],
    ['-5 $', -5],
    ['(1,234.00)', -1234],
    ['($5)', -5],
    ['$(5)', -5],
    ['(5 €)', -5],
    ['€5', 5],
    ['€ 5', 5],
    ['5€', 5],
    ['£12.30', 12.3],
    ['¥1,000', 1000],
    ['USD 12', 12],
    ['12USD', 12],
    ['12 EUR', 12],
    ['EUR12', 12],
    ['US$ 5', 5],
    ['HK$5', 5],
    ['+$5', 5],
  ])('reads %j as %d', (raw, expected) => {
    expect(parse(raw)).toBe(expected);
  });

  it.each([
    '1.234,56',
    '-$-5',
    '(-5)',
    '-(5)',
    '$',
    'USD',
    '$$5',
    '$5$',
    'USD 5 EUR',
    'ABCD 5',
    'usd 5',
    '5 dollars',
    '1e3',
    '(5',
    '- $5',
  ])('rejects %j', (raw) => {
    expect(reasonOf(parse(raw))).toBe(`"${raw}" is not a currency amount`);
  });

  it('reads decimal-comma amounts: 1.234,56 € is 1234.56', () => {
    const parse = parser({ type: 'currency', decimal: ',' });
    expect(parse('1.234,56 €')).toBe(1234.56);
    expect(parse('-1.234,56 €')).toBe(-1234.56);
    expect(parse('(1.234,56 €)')).toBe(-1234.56);
    expect(parse('EUR 1 234,56')).toBe(1234.56);
    expect(reasonOf(parse('1,234.56 €'))).toBe('"1,234.56 €" is not a currency amount');
  });

  it('applies min and max', () => {
    const parse = parser({ type: 'currency', min: 0 });
    expect(reasonOf(parse('(5.00)'))).toBe('(5.00) is below the minimum 0');
  });
});

describe('percent cells', () => {
  const parse = parser({ type: 'percent' });

  it.each([
    ['45%', 0.45],
    ['45 %', 0.45],
    ['45.5 %', 0.455],
    ['-3%', -0.03],
    ['7%', 0.07],
    ['100%', 1],
    ['0.45', 0.45],
    ['1', 1],
    ['1,250%', 12.5],
  ])('reads %j as %d', (raw, expected) => {
    expect(parse(raw)).toBe(expected);
  });

  it.each(['45%%', '%45', '45 percent', 'forty%', '4.5e1%', '%'])('rejects %j', (raw) => {
    expect(reasonOf(parse(raw))).toBe(`"${raw}" is not a percentage`);
  });

  it('uses the source decimal separator', () => {
    const parse = parser({ type: 'percent', decimal: ',' });
    expect(parse('45,5 %')).toBe(0.455);
    expect(parse('0,45')).toBe(0.45);
    expect(reasonOf(parse('45.5%'))).toBe('"45.5%" is not a percentage');
  });

  it('shows percent bounds as percentages', () => {
    const parse = parser({ type: 'percent', min: 0, max: 1 });
    expect(reasonOf(parse('120%'))).toBe('120% is above the maximum 100%');
    expect(reasonOf(parse('-0.07'))).toBe('-0.07 is below the minimum 0%');
  });
});

describe('long cells in messages', () => {
  it('cuts the quoted cell to 40 characters', () => {
    const parse = parser({ type: 'number' });
    const result = parse('x'.repeat(100));
    expect(isInvalid(result)).toBe(true);
    expect(reasonOf(result)).toBe(`"${'x'.repeat(39)}…" is not a number`);
  });
});
