import { MS_PER_DAY, daysFromCivil } from './epoch-day.js';

/**
 * Time-zone arithmetic with nothing but Intl.
 *
 * Intl can only answer "what does the wall clock read at this instant", and
 * that call costs microseconds, far too slow per row. So each zone keeps a
 * cache of its UTC offset per UTC hour. An hour is cached only when the offset
 * is the same at its first and its last second; the rare hour that contains a
 * transition (e.g. Asia/Kathmandu's 1986 change at 18:15 UTC) is marked mixed
 * and answered exactly every time. This assumes no zone changes its offset
 * twice within one hour, which no tz database rule does.
 */

const MS_PER_HOUR = 3_600_000;
const MIXED = Number.NaN;
const MAX_CACHED_HOURS = 1_000_000;

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'UCT', 'Etc/UCT', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu']);

interface ZoneCache {
  readonly format: Intl.DateTimeFormat;
  readonly hours: Map<number, number>;
  lastHour: number;
  lastOffset: number;
}

const zones = new Map<string, ZoneCache>();
let lastZoneName = '';
let lastZone: ZoneCache | undefined;

export function isUtcZone(tz: string): boolean {
  return tz === 'UTC' || UTC_NAMES.has(tz);
}

export function isValidTimeZone(tz: string): boolean {
  if (tz === '') return false;
  // Creating the first Intl formatter loads ICU's zone data (~25 ms): not needed for UTC.
  if (tz === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function zoneCache(tz: string): ZoneCache {
  if (tz === lastZoneName && lastZone !== undefined) return lastZone;
  let zone = zones.get(tz);
  if (zone === undefined) {
    // Throws RangeError for an unknown zone: callers validate with isValidTimeZone first.
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    zone = { format, hours: new Map(), lastHour: Number.NaN, lastOffset: 0 };
    zones.set(tz, zone);
  }
  lastZoneName = tz;
  lastZone = zone;
  return zone;
}

/** Offset (local minus UTC, ms) at a whole-second instant, straight from Intl. */
function exactOffset(zone: ZoneCache, epochMs: number): number {
  const second = Math.floor(epochMs / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let sec = 0;
  let bc = false;
  for (const part of zone.format.formatToParts(second)) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value) % 24; break;
      case 'minute': minute = Number(part.value); break;
      case 'second': sec = Number(part.value); break;
      case 'era': bc = part.value === 'BC' || part.value === 'B'; break;
      default: break;
    }
  }
  if (bc) year = 1 - year;
  const wallAsUtc = daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + sec * 1000;
  return wallAsUtc - second;
}

/** UTC offset of `tz` at an instant, in milliseconds (local = UTC + offset). */
export function timeZoneOffsetMs(epochMs: number, tz: string): number {
  if (isUtcZone(tz)) return 0;
  const zone = zoneCache(tz);
  const hour = Math.floor(epochMs / MS_PER_HOUR);
  if (hour === zone.lastHour) return zone.lastOffset;
  let offset = zone.hours.get(hour);
  if (offset === undefined) {
    const start = hour * MS_PER_HOUR;
    const atStart = exactOffset(zone, start);
    const atEnd = exactOffset(zone, start + MS_PER_HOUR - 1000);
    offset = atStart === atEnd ? atStart : MIXED;
    if (zone.hours.size >= MAX_CACHED_HOURS) zone.hours.clear();
    zone.hours.set(hour, offset);
  }
  if (Number.isNaN(offset)) return exactOffset(zone, epochMs);
  zone.lastHour = hour;
  zone.lastOffset = offset;
  return offset;
}

/** The calendar date (epoch day) that the wall clock in `tz` shows at an instant. */
export function localDay(epochMs: number, tz: string): number {
  if (tz === 'UTC') return Math.floor(epochMs / MS_PER_DAY);
  return Math.floor((epochMs + timeZoneOffsetMs(epochMs, tz)) / MS_PER_DAY);
}

/**
 * The instant at which the wall clock in `tz` shows the given local time.
 *
 * Wall times that occur twice (the hour repeated when clocks go back) resolve
 * to the earlier instant, i.e. the offset in force before the change. Wall
 * times that never occur (skipped when clocks go forward) are shifted forward
 * by the length of the gap: 02:30 on a Berlin spring-forward day becomes 03:30
 * CEST. This matches Temporal's and java.time's default ("compatible").
 */
export function instantFromLocal(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  tz: string,
): number {
  const wallAsUtc =
    daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * 1000 + millisecond;
  if (isUtcZone(tz)) return wallAsUtc;
  // Offsets in force a day either side bracket any transition near this wall time.
  const before = timeZoneOffsetMs(wallAsUtc - MS_PER_DAY, tz);
  const after = timeZoneOffsetMs(wallAsUtc + MS_PER_DAY, tz);
  if (before === after) {
    const candidate = wallAsUtc - before;
    if (timeZoneOffsetMs(candidate, tz) === before) return candidate;
  }
  const withBefore = wallAsUtc - before;
  const withAfter = wallAsUtc - after;
  const beforeFits = timeZoneOffsetMs(withBefore, tz) === before;
  const afterFits = timeZoneOffsetMs(withAfter, tz) === after;
  if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
  if (beforeFits) return withBefore;
  if (afterFits) return withAfter;
  // In a gap: read the wall time with the pre-transition offset, which lands after the jump.
  return withBefore;
}
