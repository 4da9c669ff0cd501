import { describe, expect, it } from 'vitest';
import { DEFAULT_MISSING_TOKENS, type ValueOptions, isInvalid, makeValueParser } from '../../../src/core/values/index.js';

function parser(options: Partial<ValueOptions> & Pick<ValueOptions, 'type'>) {
  return makeValueParser({ decimal: '.', timezone: 'UTC', ...options });
}

function reasonOf(value: unknown): string {
  if (value !== null && typeof value === 'object' && 'reason' in value) return String(value.reason);
  throw new Error(`expected an invalid result, got ${JSON.stringify(value)}`);
}

describe('missing cells', () => {
  it('has the documented default tokens', () => {
    expect(DEFAULT_MISSING_TOKENS).toEqual(['', 'na', 'n/a', 'null', '-']);
  });

  it.each(['', '   ', '\t', 'NA', 'na', ' N/A ', 'n/A', 'NULL', 'Null', '-', ' - ', '\u00a0'])(
    'treats %j as missing in every column type',
    (raw) => {
      for (const type of ['integer', 'number', 'currency', 'percent', 'boolean', 'date', 'timestamp', 'string'] as const) {
        expect(parser({ type })(raw)).toBeNull();
      }
    },
  );

  it('does not treat near-misses as missing', () => {
    expect(reasonOf(parser({ type: 'integer' })('N.A.'))).toBe('"N.A." is not an integer');
    expect(reasonOf(parser({ type: 'integer' })('--'))).toBe('"--" is not an integer');
    expect(parser({ type: 'string' })('nan')).toBe('nan');
  });

  it('uses custom tokens instead of the defaults, but blank is always missing', () => {
    const parse = parser({ type: 'integer', missingTokens: ['#N/A', ' Unknown '] });
    expect(parse('#n/a')).toBeNull();
    expect(parse('UNKNOWN')).toBeNull();
    expect(parse('')).toBeNull();
    expect(reasonOf(parse('NA'))).toBe('"NA" is not an integer');
  });

  it('matches non-ASCII tokens case-insensitively', () => {
    const parse = parser({ type: 'string', missingTokens: ['KEINE ANGABE', 'ÖFFENTLICH'] });
    expect(parse('keine angabe')).toBeNull();
    expect(parse('öffentlich')).toBeNull();
    expect(parse('öffentlicher')).toBe('öffentlicher');
  });
});

describe('boolean cells', () => {
  const parse = parser({ type: 'boolean' });

  it.each([
    ['true', true], ['TRUE', true], [' True ', true], ['yes', true], ['Y', true], ['t', true], ['1', true],
    ['false', false], ['FALSE', false], ['no', false], ['N', false], ['f', false], ['0', false],
  ])('reads %j as %s', (raw, expected) => {
    expect(parse(raw)).toBe(expected);
  });

  it.each(['maybe', 'yes!', '2', 'on', 'off', 'truee', '1.0'])('rejects %j', (raw) => {
    expect(reasonOf(parse(raw))).toBe(`"${raw}" is not a boolean (use true/false, yes/no, y/n, t/f or 1/0)`);
  });
});

describe('string cells', () => {
  it('trims and returns the text', () => {
    const parse = parser({ type: 'string' });
    expect(parse('  Berlin \t')).toBe('Berlin');
    expect(parse('São Paulo')).toBe('São Paulo');
  });

  it('checks allowed values exactly after trimming', () => {
    const parse = parser({ type: 'string', values: ['Basic', 'Pro', ' Enterprise '] });
    expect(parse(' Pro ')).toBe('Pro');
    expect(parse('Enterprise')).toBe('Enterprise');
    expect(reasonOf(parse('pro'))).toBe('"pro" is not one of the allowed values (Basic, Pro, Enterprise)');
  });

  it('lists at most eight allowed values in the message', () => {
    const parse = parser({ type: 'string', values: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] });
    expect(reasonOf(parse('z'))).toBe('"z" is not one of the allowed values (a, b, c, d, e, f, g, h, …)');
  });
});

describe('isInvalid', () => {
  it('tells invalid results from every kind of value', () => {
    expect(isInvalid({ invalid: true, reason: 'x' })).toBe(true);
    for (const v of [null, 0, 1, '', 'x', true, false]) expect(isInvalid(v)).toBe(false);
  });
});

describe('option checks', () => {
  it('rejects options that cannot describe a column', () => {
    expect(() => parser({ type: 'string', min: 1 })).toThrow('min and max apply only to numeric columns, not string');
    expect(() => parser({ type: 'integer', min: 5, max: 1 })).toThrow('min 5 is above max 1');
    expect(() => parser({ type: 'integer', values: ['1'] })).toThrow(
      'a list of allowed values applies only to string columns, not integer',
    );
    expect(() => parser({ type: 'number', decimal: ';' as ',' })).toThrow('decimal separator must be "." or ","');
    expect(() => parser({ type: 'money' as 'number' })).toThrow('unknown column type "money"');
    expect(() => parser({ type: 'timestamp', timezone: 'Mars/Olympus' })).toThrow(
      '"Mars/Olympus" is not a known IANA time zone',
    );
    expect(() => parser({ type: 'date', dateFormat: 'DD/MM/YY' })).toThrow('format "DD/MM/YY" has an unknown token at "YY"');
    expect(() => parser({ type: 'date', dateFormat: 'YYYY-MM-DD HH:mm' })).toThrow(
      'date format "YYYY-MM-DD HH:mm" may only use YYYY, MM, DD, M and D',
    );
    expect(() => parser({ type: 'date', dateFormat: 'YYYY-MM' })).toThrow('format "YYYY-MM" must contain DD or D exactly once');
    expect(() => parser({ type: 'timestamp', timestampFormat: 'YYYY-MM-DD mm A' })).toThrow(
      'format "YYYY-MM-DD mm A" has minutes or AM/PM but no hour',
    );
  });
});
