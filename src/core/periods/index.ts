export type { CalendarGrain, Grain, Period, PeriodOptions } from './period-types.js';
export {
  MS_PER_DAY,
  civilFromDays,
  dayFromIso,
  daysFromCivil,
  daysInMonth,
  isLeapYear,
  isRealDate,
  isoFromDay,
  isoWeekday,
} from './epoch-day.js';
export type { CivilDate } from './epoch-day.js';
export { isoWeekOf, isoWeeksInYear } from './iso-week.js';
export type { IsoWeek } from './iso-week.js';
export { parsePeriod, rangePeriod } from './parse-period.js';
export { previousPeriod, trailingPeriods, yearAgoPeriod } from './period-navigation.js';
export { makePeriodBucketer, periodContaining } from './period-containing.js';
export { instantFromLocal, isValidTimeZone, localDay, timeZoneOffsetMs } from './time-zone.js';
