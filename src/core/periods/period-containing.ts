import {
  dayPeriod,
  fiscalPositionOf,
  fiscalQuarterPeriod,
  fiscalYearPeriod,
  isoWeekPeriod,
  monthPeriod,
  quarterPeriod,
  yearPeriod,
} from './calendar-periods.js';
import { civilFromDays } from './epoch-day.js';
import { isoWeekOf } from './iso-week.js';
import type { CalendarGrain, Period, PeriodOptions } from './period-types.js';

export function assertFiscalStartMonth(options: PeriodOptions): number {
  const month = options.fiscalYearStartMonth;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`fiscalYearStartMonth must be a whole number from 1 to 12, not ${month}`);
  }
  return month;
}

/** The period of the given grain that contains an epoch day (used to bucket rows by --by month etc.). */
export function periodContaining(day: number, grain: CalendarGrain, options: PeriodOptions): Period {
  switch (grain) {
    case 'day':
      return dayPeriod(day);
    case 'week': {
      const { isoYear, week } = isoWeekOf(day);
      return isoWeekPeriod(isoYear, week);
    }
    case 'month': {
      const { year, month } = civilFromDays(day);
      return monthPeriod(year, month);
    }
    case 'quarter': {
      const { year, month } = civilFromDays(day);
      return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
    }
    case 'year':
      return yearPeriod(civilFromDays(day).year);
    case 'fiscal_quarter': {
      const startMonth = assertFiscalStartMonth(options);
      const { fiscalYear, quarter } = fiscalPositionOf(day, startMonth);
      return fiscalQuarterPeriod(fiscalYear, quarter, startMonth);
    }
    case 'fiscal_year': {
      const startMonth = assertFiscalStartMonth(options);
      return fiscalYearPeriod(fiscalPositionOf(day, startMonth).fiscalYear, startMonth);
    }
  }
}

/**
 * A bucketing function for one grain that remembers the last period it
 * returned. Rows usually arrive roughly in date order, so most calls are two
 * comparisons instead of a calendar conversion and an allocation. The returned
 * Period objects are shared between calls: treat them as read-only.
 */
export function makePeriodBucketer(grain: CalendarGrain, options: PeriodOptions): (day: number) => Period {
  if (grain === 'fiscal_quarter' || grain === 'fiscal_year') assertFiscalStartMonth(options);
  let last: Period | undefined;
  return (day) => {
    if (last !== undefined && day >= last.start && day <= last.end) return last;
    last = periodContaining(day, grain, options);
    return last;
  };
}
