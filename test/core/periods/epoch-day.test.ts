import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  dayFromIso,
  daysFromCivil,
  daysInMonth,
  isLeapYear,
  isoFromDay,
  isoWeekday,
} from '../../../src/core/periods/index.js';

describe('epoch days', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayFromIso('1970-01-01')).toBe(0);
    expect(dayFromIso('1969-12-31')).toBe(-1);
    expect(dayFromIso('2000-03-01')).toBe(11017);
    expect(dayFromIso('2024-02-29')).toBe(19782);
    expect(dayFromIso('2025-07-01')).toBe(20270);
    expect(isoFromDay(20270)).toBe('2025-07-01');
    expect(isoFromDay(-719528)).toBe('0000-01-01');
  });

  it('returns null for impossible or malformed dates', () => {
    for (const iso of ['2023-02-29', '1900-02-29', '2025-13-01', '2025-00-01', '2025-04-31', '2025-7-01', '2025-07-1', '2025/07/01', '2025-07-01T00:00', ' 2025-07-01', '']) {
      expect(dayFromIso(iso), iso).toBeNull();
    }
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('gives ISO weekdays, Monday = 1', () => {
    expect(isoWeekday(0)).toBe(4); // 1970-01-01 was a Thursday
    expect(isoWeekday(dayFromIso('2024-12-30')!)).toBe(1);
    expect(isoWeekday(dayFromIso('2025-07-06')!)).toBe(7);
    expect(isoWeekday(-1)).toBe(3);
  });

  it('agrees with Date for every day from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719528, max: 2932896 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(isoFromDay(day)).toBe(iso);
        expect(dayFromIso(iso)).toBe(day);
        const { year, month, day: d } = civilFromDays(day);
        expect(daysFromCivil(year, month, d)).toBe(day);
      }),
      { numRuns: 3000 },
    );
  });
});
