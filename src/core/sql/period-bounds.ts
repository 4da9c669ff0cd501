import type { Period } from '../periods/index.js';
import { MS_PER_DAY, localDay } from '../periods/index.js';

/** The first instant (epoch ms) whose local date in `tz` is `day` or later. */
export function dayStartInstant(day: number, tz: string): number {
  if (tz === 'UTC') return day * MS_PER_DAY;
  // Local dates only move forward with time: search the instant where `day` begins.
  let low = (day - 2) * MS_PER_DAY;
  let high = (day + 2) * MS_PER_DAY;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (localDay(mid, tz) >= day) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * A period as SQL bounds: epoch days for date columns (inclusive), and for timestamp
 * columns the instants [from, until) in which the library's wall clock shows a day of the period.
 */
export interface PeriodBounds {
  readonly startDay: number;
  readonly endDay: number;
  readonly fromMs: number;
  readonly untilMs: number;
}

export function periodBounds(period: Period, tz: string): PeriodBounds {
  return { startDay: period.start, endDay: period.end, fromMs: dayStartInstant(period.start, tz), untilMs: dayStartInstant(period.end + 1, tz) };
}
