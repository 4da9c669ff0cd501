import { describe, expect, it } from 'vitest';
import {
  dayFromIso,
  instantFromLocal,
  isValidTimeZone,
  isoFromDay,
  localDay,
  timeZoneOffsetMs,
} from '../../../src/core/periods/index.js';

const HOUR = 3_600_000;

/** Reference: the local date straight from Intl, with no caching. */
function intlLocalIso(epochMs: number, tz: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
}

describe('isValidTimeZone', () => {
  it('accepts IANA zones and rejects anything else', () => {
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('+02:00')).toBe(false);
  });
});

describe('localDay', () => {
  it('uses plain arithmetic in UTC', () => {
    expect(localDay(0, 'UTC')).toBe(0);
    expect(localDay(-1, 'UTC')).toBe(-1);
    expect(localDay(Date.UTC(2025, 6, 3, 23, 59, 59, 999), 'UTC')).toBe(dayFromIso('2025-07-03'));
  });

  it('keeps 23:30−05:00 on the same day in New York although it is the next day in UTC', () => {
    const instant = Date.parse('2025-01-15T23:30:00-05:00');
    expect(isoFromDay(localDay(instant, 'UTC'))).toBe('2025-01-16');
    expect(isoFromDay(localDay(instant, 'America/New_York'))).toBe('2025-01-15');
    expect(isoFromDay(localDay(instant, 'Europe/Berlin'))).toBe('2025-01-16');
  });

  it('follows DST: midnight moves with the offset', () => {
    // Berlin summer (UTC+2): 22:30Z is 00:30 the next day; winter (UTC+1): 22:30Z is still 23:30.
    expect(isoFromDay(localDay(Date.UTC(2025, 9, 25, 22, 30), 'Europe/Berlin'))).toBe('2025-10-26');
    expect(isoFromDay(localDay(Date.UTC(2025, 9, 26, 22, 30), 'Europe/Berlin'))).toBe('2025-10-26');
    expect(isoFromDay(localDay(Date.UTC(2025, 9, 26, 23, 0), 'Europe/Berlin'))).toBe('2025-10-27');
    // New York: 03:59Z is the previous day in EDT (UTC−4) but 04:00Z is midnight.
    expect(isoFromDay(localDay(Date.UTC(2025, 6, 4, 3, 59), 'America/New_York'))).toBe('2025-07-03');
    expect(isoFromDay(localDay(Date.UTC(2025, 6, 4, 4, 0), 'America/New_York'))).toBe('2025-07-04');
  });

  it('matches Intl minute by minute across DST changes (cache stays correct)', () => {
    const windows: [string, number][] = [
      ['Europe/Berlin', Date.UTC(2025, 2, 29, 20)],
      ['Europe/Berlin', Date.UTC(2025, 9, 25, 20)],
      ['America/New_York', Date.UTC(2025, 2, 9, 0)],
      ['America/New_York', Date.UTC(2025, 10, 2, 0)],
      ['Australia/Lord_Howe', Date.UTC(2025, 3, 5, 10)],
      ['Asia/Kathmandu', Date.UTC(1985, 11, 31, 12)],
    ];
    for (const [tz, from] of windows) {
      for (let t = from; t < from + 12 * HOUR; t += 7 * 60_000) {
        expect(isoFromDay(localDay(t, tz)), `${tz} ${new Date(t).toISOString()}`).toBe(intlLocalIso(t, tz));
      }
    }
  });
});

describe('timeZoneOffsetMs', () => {
  it('is exact inside an hour that contains a transition at a quarter past', () => {
    // Nepal moved from UTC+5:30 to UTC+5:45 at 1986-01-01 00:00 local = 1985-12-31 18:30 UTC.
    expect(timeZoneOffsetMs(Date.UTC(1985, 11, 31, 18, 29, 59), 'Asia/Kathmandu')).toBe(330 * 60_000);
    expect(timeZoneOffsetMs(Date.UTC(1985, 11, 31, 18, 30), 'Asia/Kathmandu')).toBe(345 * 60_000);
    expect(timeZoneOffsetMs(Date.UTC(1985, 11, 31, 18, 10), 'Asia/Kathmandu')).toBe(330 * 60_000);
  });

  it('gives summer and winter offsets', () => {
    expect(timeZoneOffsetMs(Date.UTC(2025, 0, 1), 'Europe/Berlin')).toBe(HOUR);
    expect(timeZoneOffsetMs(Date.UTC(2025, 6, 1), 'Europe/Berlin')).toBe(2 * HOUR);
    expect(timeZoneOffsetMs(Date.UTC(2025, 0, 1), 'America/New_York')).toBe(-5 * HOUR);
    expect(timeZoneOffsetMs(Date.UTC(2025, 6, 1), 'UTC')).toBe(0);
  });
});

describe('instantFromLocal', () => {
  it('reads ordinary wall times', () => {
    expect(instantFromLocal(2025, 7, 3, 14, 22, 5, 123, 'UTC')).toBe(Date.UTC(2025, 6, 3, 14, 22, 5, 123));
    expect(instantFromLocal(2025, 7, 3, 14, 22, 5, 0, 'Europe/Berlin')).toBe(Date.UTC(2025, 6, 3, 12, 22, 5));
    expect(instantFromLocal(2025, 1, 15, 23, 30, 0, 0, 'America/New_York')).toBe(Date.UTC(2025, 0, 16, 4, 30));
    expect(instantFromLocal(2024, 2, 29, 0, 0, 0, 0, 'Asia/Tokyo')).toBe(Date.UTC(2024, 1, 28, 15));
  });

  it('shifts wall times in a spring-forward gap forward by the gap', () => {
    expect(instantFromLocal(2025, 3, 30, 2, 0, 0, 0, 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 30, 1, 0));
    expect(instantFromLocal(2025, 3, 30, 2, 30, 0, 0, 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 30, 1, 30));
    expect(instantFromLocal(2025, 3, 9, 2, 30, 0, 0, 'America/New_York')).toBe(Date.UTC(2025, 2, 9, 7, 30));
  });

  it('takes the earlier instant for a repeated wall time', () => {
    expect(instantFromLocal(2025, 10, 26, 2, 30, 0, 0, 'Europe/Berlin')).toBe(Date.UTC(2025, 9, 26, 0, 30));
    expect(instantFromLocal(2025, 10, 26, 2, 59, 59, 999, 'Europe/Berlin')).toBe(Date.UTC(2025, 9, 26, 0, 59, 59, 999));
    expect(instantFromLocal(2025, 11, 2, 1, 0, 0, 0, 'America/New_York')).toBe(Date.UTC(2025, 10, 2, 5, 0));
    expect(instantFromLocal(2025, 11, 2, 1, 59, 0, 0, 'America/New_York')).toBe(Date.UTC(2025, 10, 2, 5, 59));
  });

  it('round-trips through localDay around DST changes', () => {
    for (const tz of ['Europe/Berlin', 'America/New_York']) {
      for (const iso of ['2025-03-09', '2025-03-30', '2025-10-26', '2025-11-02']) {
        const d = dayFromIso(iso)!;
        const [y, m, dd] = iso.split('-').map(Number) as [number, number, number];
        expect(localDay(instantFromLocal(y, m, dd, 0, 0, 0, 0, tz), tz)).toBe(d);
        expect(localDay(instantFromLocal(y, m, dd, 23, 59, 59, 999, tz), tz)).toBe(d);
      }
    }
  });
});
