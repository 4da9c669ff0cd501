import { civilFromDays, daysFromCivil, isoWeekday } from './epoch-day.js';

/**
 * ISO 8601 weeks: Monday to Sunday, week 1 is the week holding the year's
 * first Thursday, so a week belongs to the year its Thursday falls in
 * (2024-12-30 is in 2025-W01; 2021-01-03 is in 2020-W53).
 */

/** Epoch day of the Monday that starts week 1 of an ISO week-year. */
export function isoWeekOneMonday(isoYear: number): number {
  const jan4 = daysFromCivil(isoYear, 1, 4);
  return jan4 - (isoWeekday(jan4) - 1);
}

export function isoWeeksInYear(isoYear: number): number {
  return (isoWeekOneMonday(isoYear + 1) - isoWeekOneMonday(isoYear)) / 7;
}

export interface IsoWeek {
  readonly isoYear: number;
  readonly week: number;
}

export function isoWeekOf(epochDay: number): IsoWeek {
  const thursday = epochDay - isoWeekday(epochDay) + 4;
  const isoYear = civilFromDays(thursday).year;
  return { isoYear, week: Math.floor((thursday - isoWeekOneMonday(isoYear)) / 7) + 1 };
}

/** Monday of a week; the caller guarantees 1 <= week <= isoWeeksInYear(isoYear). */
export function isoWeekMonday(isoYear: number, week: number): number {
  return isoWeekOneMonday(isoYear) + (week - 1) * 7;
}
