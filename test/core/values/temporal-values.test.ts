import { describe, expect, it } from 'vitest';
import { type ValueOptions, makeValueParser } from '../../../src/core/values/index.js';

function parser(options: Partial<ValueOptions> & Pick<ValueOptions, 'type'>) {
  return makeValueParser({ decimal: '.', timezone: 'UTC', ...options });
}

function reasonOf(value: unknown): string {
  if (value !== null && typeof value === 'object' && 'reason' in value) return String(value.reason);
  throw new Error(`expected an invalid result, got ${JSON.stringify(value)}`);
}

// Independent of the code under test: Date.UTC counts days the same way.
const epochDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

describe('date cells', () => {
  const parse = parser({ type: 'date' });

  it('reads ISO dates as epoch days', () => {
    expect(parse('1970-01-01')).toBe(0);
    expect(parse('1969-12-31')).toBe(-1);
    expect(parse(' 2025-07-03 ')).toBe(epochDay(2025, 7, 3));
    expect(parse('2024-02-29')).toBe(19782);
    expect(parse('2000-02-29')).toBe(epochDay(2000, 2, 29));
  });

  it.each(['2025-02-31', '2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-01-00'])(
    'rejects the impossible date %j',
    (raw) => {
      expect(reasonOf(parse(raw))).toBe(`"${raw}" is not a real date`);
    },
  );

  it.each(['2025-7-3', '2025/07/03', '03.07.2025', '2025-07-03T10:00', '2025-07-03 00:00:00', '20250703', 'July 3'])(
    'rejects %j, which is not in YYYY-MM-DD form',
    (raw) => {
      expect(reasonOf(parse(raw))).toBe(`"${raw}" is not a date in YYYY-MM-DD format`);
    },
  );

  it('reads explicit formats', () => {
    expect(parser({ type: 'date', dateFormat: 'MM/DD/YYYY' })('07/03/2025')).toBe(epochDay(2025, 7, 3));
    expect(parser({ type: 'date', dateFormat: 'DD/MM/YYYY' })('07/03/2025')).toBe(epochDay(2025, 3, 7));
    expect(parser({ type: 'date', dateFormat: 'DD.MM.YYYY' })('31.12.2024')).toBe(epochDay(2024, 12, 31));
    const us = parser({ type: 'date', dateFormat: 'M/D/YYYY' });
    expect(us('7/3/2025')).toBe(epochDay(2025, 7, 3));
    expect(us('12/31/2025')).toBe(epochDay(2025, 12, 31));
    expect(reasonOf(us('13/1/2025'))).toBe('"13/1/2025" is not a real date');
    expect(reasonOf(us('7/3/25'))).toBe('"7/3/25" is not a date in M/D/YYYY format');
  });

  it('requires exactly two digits for MM and DD', () => {
    const parse = parser({ type: 'date', dateFormat: 'MM/DD/YYYY' });
    expect(reasonOf(parse('7/3/2025'))).toBe('"7/3/2025" is not a date in MM/DD/YYYY format');
  });
});

describe('timestamp cells (ISO 8601)', () => {
  const utc = parser({ type: 'timestamp' });
  const newYork = parser({ type: 'timestamp', timezone: 'America/New_York' });
  const berlin = parser({ type: 'timestamp', timezone: 'Europe/Berlin' });

  it('converts stated offsets and Z to UTC', () => {
    expect(newYork('2025-07-03T14:22:05Z')).toBe(Date.UTC(2025, 6, 3, 14, 22, 5));
    expect(newYork('2025-07-03T14:22:05.123+02:00')).toBe(Date.UTC(2025, 6, 3, 12, 22, 5, 123));
    expect(newYork('2025-07-03T14:22:05+0200')).toBe(Date.UTC(2025, 6, 3, 12, 22, 5));
    expect(newYork('2025-07-03T14:22:05+02')).toBe(Date.UTC(2025, 6, 3, 12, 22, 5));
    expect(newYork('2025-07-03T14:22:05-05:30')).toBe(Date.UTC(2025, 6, 3, 19, 52, 5));
    expect(newYork('2025-07-03 14:22:05 +02:00')).toBe(Date.UTC(2025, 6, 3, 12, 22, 5));
    expect(newYork('2025-07-03 14:22:05 UTC')).toBe(Date.UTC(2025, 6, 3, 14, 22, 5));
    expect(newYork('2025-07-03t14:22:05z')).toBe(Date.UTC(2025, 6, 3, 14, 22, 5));
  });

  it('reads a time without offset in the library time zone', () => {
    expect(utc('2025-07-03 14:22:05')).toBe(Date.UTC(2025, 6, 3, 14, 22, 5));
    expect(newYork('2025-07-03 14:22:05')).toBe(Date.UTC(2025, 6, 3, 18, 22, 5)); // EDT = UTC−4
    expect(newYork('2025-01-15T14:22')).toBe(Date.UTC(2025, 0, 15, 19, 22)); // EST = UTC−5
    expect(berlin('2025-07-03T14:22')).toBe(Date.UTC(2025, 6, 3, 12, 22)); // CEST = UTC+2
    expect(berlin('2025-07-03T14:22:05,5')).toBe(Date.UTC(2025, 6, 3, 12, 22, 5, 500));
  });

  it('reads a plain date as local midnight', () => {
    expect(utc('2025-07-03')).toBe(Date.UTC(2025, 6, 3));
    expect(newYork('2025-07-03')).toBe(Date.UTC(2025, 6, 3, 4));
  });

  it('keeps milliseconds and truncates finer fractions', () => {
    expect(utc('2025-07-03T14:22:05.1Z')).toBe(Date.UTC(2025, 6, 3, 14, 22, 5, 100));
    expect(utc('2025-07-03T14:22:05.123456789Z')).toBe(Date.UTC(2025, 6, 3, 14, 22, 5, 123));
  });

  it('resolves DST gaps forward and repeated hours to the earlier instant', () => {
    // Berlin springs forward 2025-03-30 02:00 → 03:00: 02:30 does not exist and becomes 03:30 CEST.
    expect(berlin('2025-03-30 02:30')).toBe(Date.UTC(2025, 2, 30, 1, 30));
    expect(berlin('2025-03-30 01:59:59')).toBe(Date.UTC(2025, 2, 30, 0, 59, 59));
    expect(berlin('2025-03-30 03:00')).toBe(Date.UTC(2025, 2, 30, 1, 0));
    // Berlin falls back 2025-10-26 03:00 → 02:00: 02:30 happens twice; the first (CEST) wins.
    expect(berlin('2025-10-26 02:30')).toBe(Date.UTC(2025, 9, 26, 0, 30));
    expect(berlin('2025-10-26 03:00')).toBe(Date.UTC(2025, 9, 26, 2, 0));
    // New York: 2025-03-09 02:30 is skipped (→ 03:30 EDT); 2025-11-02 01:30 repeats (→ EDT).
    expect(newYork('2025-03-09 02:30')).toBe(Date.UTC(2025, 2, 9, 7, 30));
    expect(newYork('2025-11-02 01:30')).toBe(Date.UTC(2025, 10, 2, 5, 30));
    expect(newYork('2025-11-02 02:30')).toBe(Date.UTC(2025, 10, 2, 7, 30));
  });

  it.each([
    '2025-07-03T14:22:05  Z',
    '2025-07-03T14',
    '2025-07-03T14:2',
    '2025-07-03T14:22:5',
    '2025-07-03T14:22:05.',
    '2025-07-03T14:22:05.1234567890Z',
    '2025-07-03Z',
    '2025-07-03T14:22:05+2',
    '2025-07-03T14:22:05+02:0',
    '2025-07-03T14:22:05+24:00',
    '2025-07-03  14:22',
    '2025-07-03T14:22:05 CEST',
    '20250703T142205Z',
    '07/03/2025 14:22',
    '1751552525000',
  ])('rejects %j', (raw) => {
    expect(reasonOf(utc(raw))).toBe(`"${raw}" is not a timestamp in ISO 8601 format`);
  });

  it.each(['2025-02-30T10:00', '2025-07-03T24:00', '2025-07-03T23:60', '2025-06-30T23:59:60Z', '2025-13-01 00:00'])(
    'rejects the impossible %j',
    (raw) => {
      expect(reasonOf(utc(raw))).toBe(`"${raw}" is not a real date and time`);
    },
  );
});

describe('timestamp cells (explicit format)', () => {
  it('reads a 24-hour format', () => {
    const parse = parser({ type: 'timestamp', timestampFormat: 'YYYY-MM-DD HH:mm:ss', timezone: 'Europe/Berlin' });
    expect(parse('2025-01-15 08:05:09')).toBe(Date.UTC(2025, 0, 15, 7, 5, 9));
    expect(reasonOf(parse('2025-01-15T08:05:09'))).toBe('"2025-01-15T08:05:09" is not a timestamp in YYYY-MM-DD HH:mm:ss format');
    expect(reasonOf(parse('2025-01-15 25:05:09'))).toBe('"2025-01-15 25:05:09" is not a real date and time');
  });

  it('reads US dates with AM/PM, where 12 AM is midnight and 12 PM is noon', () => {
    const parse = parser({ type: 'timestamp', timestampFormat: 'M/D/YYYY h:mm A' });
    expect(parse('7/3/2025 2:05 PM')).toBe(Date.UTC(2025, 6, 3, 14, 5));
    expect(parse('7/3/2025 2:05 am')).toBe(Date.UTC(2025, 6, 3, 2, 5));
    expect(parse('12/1/2025 12:05 AM')).toBe(Date.UTC(2025, 11, 1, 0, 5));
    expect(parse('12/1/2025 12:05 PM')).toBe(Date.UTC(2025, 11, 1, 12, 5));
    expect(reasonOf(parse('12/1/2025 13:05 PM'))).toBe('"12/1/2025 13:05 PM" is not a real date and time');
    expect(reasonOf(parse('12/1/2025 0:05 AM'))).toBe('"12/1/2025 0:05 AM" is not a real date and time');
    expect(reasonOf(parse('12/1/2025 10:05'))).toBe('"12/1/2025 10:05" is not a timestamp in M/D/YYYY h:mm A format');
  });

  it('reads literal T, bracketed text, milliseconds and offsets', () => {
    const parse = parser({ type: 'timestamp', timestampFormat: 'DD.MM.YYYYTHH:mm:ss.SSS[ Uhr]Z' });
    expect(parse('03.07.2025T14:22:05.042 Uhr+02:00')).toBe(Date.UTC(2025, 6, 3, 12, 22, 5, 42));
    expect(parse('03.07.2025T14:22:05.042 UhrZ')).toBe(Date.UTC(2025, 6, 3, 14, 22, 5, 42));
  });

  it('reads a date-only layout as local midnight', () => {
    const parse = parser({ type: 'timestamp', timestampFormat: 'DD/MM/YYYY', timezone: 'America/New_York' });
    expect(parse('15/01/2025')).toBe(Date.UTC(2025, 0, 15, 5));
  });
});
