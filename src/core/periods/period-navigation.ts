import {
  dayPeriod,
  fiscalPositionOf,
  fiscalQuarterPeriod,
  fiscalYearPeriod,
  isoWeekPeriod,
  monthPeriod,
  quarterPeriod,
  rangeLabel,
  yearPeriod,
} from './calendar-periods.js';
import { civilFromDays, sameDateYearBefore } from './epoch-day.js';
import { isoWeekOf, isoWeeksInYear } from './iso-week.js';
import { assertFiscalStartMonth, periodContaining } from './period-containing.js';
import type { Period, PeriodOptions } from './period-types.js';

/** The period of the same grain immediately before `p`; for a range, the same number of days before it. */
export function previousPeriod(p: Period, options: PeriodOptions): Period {
  if (p.grain === 'range') {
    const length = p.end - p.start + 1;
    const start = p.start - length;
    return { label: rangeLabel(start, p.start - 1), grain: 'range', start, end: p.start - 1 };
  }
  // Every calendar grain tiles the timeline, so the previous period is the one holding the day before.
  return periodContaining(p.start - 1, p.grain, options);
}

/**
 * The same period one year earlier. Days and ranges move each end back one
 * calendar year (29 February becomes 28 February). An ISO week keeps its week
 * number in the previous ISO year, or becomes W52 when that year has no W53.
 */
export function yearAgoPeriod(p: Period, options: PeriodOptions): Period {
  switch (p.grain) {
    case 'day':
      return dayPeriod(sameDateYearBefore(p.start));
    case 'week': {
      const { isoYear, week } = isoWeekOf(p.start);
      return isoWeekPeriod(isoYear - 1, Math.min(week, isoWeeksInYear(isoYear - 1)));
    }
    case 'month': {
      const { year, month } = civilFromDays(p.start);
      return monthPeriod(year - 1, month);
    }
    case 'quarter': {
      const { year, month } = civilFromDays(p.start);
      return quarterPeriod(year - 1, Math.floor((month - 1) / 3) + 1);
    }
    case 'year':
      return yearPeriod(civilFromDays(p.start).year - 1);
    case 'fiscal_quarter': {
      const startMonth = assertFiscalStartMonth(options);
      const { fiscalYear, quarter } = fiscalPositionOf(p.start, startMonth);
      return fiscalQuarterPeriod(fiscalYear - 1, quarter, startMonth);
    }
    case 'fiscal_year': {
      const startMonth = assertFiscalStartMonth(options);
      return fiscalYearPeriod(fiscalPositionOf(p.start, startMonth).fiscalYear - 1, startMonth);
    }
    case 'range': {
      const start = sameDateYearBefore(p.start);
      const end = sameDateYearBefore(p.end);
      return { label: rangeLabel(start, end), grain: 'range', start, end };
    }
  }
}

/** The `n` periods ending with `p` (inclusive), oldest first. */
export function trailingPeriods(p: Period, n: number, options: PeriodOptions): Period[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`the number of trailing periods must be a whole number >= 0, not ${n}`);
  if (n === 0) return [];
  const periods: Period[] = [p];
  for (let i = 1; i < n; i++) periods.push(previousPeriod(periods[i - 1]!, options));
  return periods.reverse();
}
