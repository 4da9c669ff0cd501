/**
 * Calendar arithmetic on "epoch days": whole days since 1970-01-01 in the
 * proleptic Gregorian calendar. Periods, date cells and bucketing all use
 * this one integer representation so that comparisons are plain `<=`.
 *
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days,
 * which are exact for every year and need no tables or Date objects.
 */

export const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year/month/day name a day that exists (month 1..12, day within the month). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Epoch day of a calendar date; the caller guarantees the date is real. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilFromDays(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of an epoch day: Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday). */
export function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** 'YYYY-MM-DD' (exactly that shape) → epoch day, or null when malformed or not a real date. */
export function dayFromIso(iso: string): number | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    if (!isDigitCode(iso.charCodeAt(i))) return null;
  }
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return isRealDate(year, month, day) ? daysFromCivil(year, month, day) : null;
}

export function padYear(year: number): string {
  return year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoFromDay(epochDay: number): string {
  const { year, month, day } = civilFromDays(epochDay);
  return `${padYear(year)}-${pad2(month)}-${pad2(day)}`;
}

/** The same month and day one year earlier; 29 February becomes 28 February. */
export function sameDateYearBefore(epochDay: number): number {
  const { year, month, day } = civilFromDays(epochDay);
  return daysFromCivil(year - 1, month, Math.min(day, daysInMonth(year - 1, month)));
}
