import { isRealDate } from '../periods/epoch-day.js';

/**
 * Scratch space a date or timestamp parser fills while reading one cell.
 * Each parser owns one instance and reuses it for every cell, so a valid
 * cell allocates nothing.
 */
export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0: no AM/PM marker, 1: AM, 2: PM. */
  meridiem: number;
  hasOffset: boolean;
  /** Local minus UTC, in milliseconds. */
  offsetMs: number;
}

export function newDateTimeFields(): DateTimeFields {
  return { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0, meridiem: 0, hasOffset: false, offsetMs: 0 };
}

export function resetDateTimeFields(f: DateTimeFields): void {
  f.year = 0;
  f.month = 0;
  f.day = 0;
  f.hour = 0;
  f.minute = 0;
  f.second = 0;
  f.millisecond = 0;
  f.meridiem = 0;
  f.hasOffset = false;
  f.offsetMs = 0;
}

/**
 * Whether the fields name a real moment: a date that exists, hour 0..23 (or
 * 1..12 with AM/PM, which is then folded into 0..23), minute and second
 * 0..59. Leap seconds (:60) and the ISO end-of-day 24:00 are rejected.
 */
export function resolveDateTimeFields(f: DateTimeFields): boolean {
  if (!isRealDate(f.year, f.month, f.day)) return false;
  if (f.meridiem !== 0) {
    if (f.hour < 1 || f.hour > 12) return false;
    f.hour = (f.hour % 12) + (f.meridiem === 2 ? 12 : 0);
  }
  return f.hour <= 23 && f.minute <= 59 && f.second <= 59;
}

function digitAt(raw: string, i: number): number {
  const d = raw.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Exactly `count` digits at i as a number, or -1. */
export function fixedDigits(raw: string, i: number, end: number, count: number): number {
  if (i + count > end) return -1;
  let value = 0;
  for (let k = 0; k < count; k++) {
    const d = digitAt(raw, i + k);
    if (d < 0) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * A UTC offset at i: Z, ±HH, ±HHmm or ±HH:mm. Fills f.offsetMs and returns
 * the index after it, or -1. Offsets beyond ±23:59 are not offsets.
 */
export function scanOffset(raw: string, i: number, end: number, f: DateTimeFields): number {
  if (i >= end) return -1;
  const c = raw.charCodeAt(i);
  if (c === 90 || c === 122) {
    f.hasOffset = true;
    f.offsetMs = 0;
    return i + 1;
  }
  if (c !== 43 && c !== 45 && c !== 0x2212) return -1;
  const hours = fixedDigits(raw, i + 1, end, 2);
  if (hours < 0 || hours > 23) return -1;
  let j = i + 3;
  let minutes = 0;
  if (j < end) {
    const colon = raw.charCodeAt(j) === 58 ? 1 : 0;
    minutes = fixedDigits(raw, j + colon, end, 2);
    if (minutes < 0 || minutes > 59) return -1;
    j += colon + 2;
  }
  f.hasOffset = true;
  f.offsetMs = (c === 43 ? 1 : -1) * (hours * 60 + minutes) * 60_000;
  return j;
}
