import { type DateTimeFields, fixedDigits, scanOffset } from './date-time-fields.js';

/**
 * ISO 8601 timestamps as they appear in exports, read by character codes:
 *
 *   2025-07-03                        (midnight, local)
 *   2025-07-03T14:22  2025-07-03 14:22:05  2025-07-03t14:22:05.123
 *   … followed optionally by Z, ±HH, ±HHmm or ±HH:mm, or " UTC";
 *   one space is allowed before the offset ("2025-07-03 14:22:05 +02:00").
 *
 * Fractions of a second may have 1–9 digits; beyond milliseconds they are
 * truncated. Fills `f` (which the caller has reset) and returns false when
 * the shape differs; whether the values are real is checked afterwards.
 */
export function scanIsoTimestamp(raw: string, start: number, end: number, f: DateTimeFields): boolean {
  if (!scanIsoDate(raw, start, end, f)) return false;
  let i = start + 10;
  if (i === end) return true;
  const sep = raw.charCodeAt(i);
  if (sep !== 84 && sep !== 116 && sep !== 32) return false;
  f.hour = fixedDigits(raw, i + 1, end, 2);
  if (f.hour < 0 || raw.charCodeAt(i + 3) !== 58) return false;
  f.minute = fixedDigits(raw, i + 4, end, 2);
  if (f.minute < 0) return false;
  i += 6;
  if (i < end && raw.charCodeAt(i) === 58) {
    f.second = fixedDigits(raw, i + 1, end, 2);
    if (f.second < 0) return false;
    i += 3;
    const mark = i < end ? raw.charCodeAt(i) : -1;
    if (mark === 46 || mark === 44) {
      i++;
      let digits = 0;
      let ms = 0;
      for (; i < end; i++) {
        const d = raw.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        if (digits < 3) ms = ms * 10 + d;
        digits++;
      }
      if (digits === 0 || digits > 9) return false;
      for (let k = digits; k < 3; k++) ms *= 10;
      f.millisecond = ms;
    }
  }
  if (i === end) return true;
  if (raw.charCodeAt(i) === 32) i++;
  if (end - i === 3 && raw.charCodeAt(i) === 85 && raw.charCodeAt(i + 1) === 84 && raw.charCodeAt(i + 2) === 67) {
    f.hasOffset = true;
    f.offsetMs = 0;
    return true;
  }
  return scanOffset(raw, i, end, f) === end;
}

/** Exactly YYYY-MM-DD at the start of the range (more may follow). */
export function scanIsoDate(raw: string, start: number, end: number, f: DateTimeFields): boolean {
  if (end - start < 10 || raw.charCodeAt(start + 4) !== 45 || raw.charCodeAt(start + 7) !== 45) return false;
  f.year = fixedDigits(raw, start, end, 4);
  f.month = fixedDigits(raw, start + 5, end, 2);
  f.day = fixedDigits(raw, start + 8, end, 2);
  return f.year >= 0 && f.month >= 0 && f.day >= 0;
}
