import { civilFromDays, daysFromCivil, isoFromDay, pad2, padYear } from './epoch-day.js';
import { isoWeekMonday } from './iso-week.js';
import type { Period } from './period-types.js';

/**
 * Constructors for each grain from its natural coordinates. Every Period in
 * the module is built here, so labels are canonical in one place.
 */

export function dayPeriod(epochDay: number): Period {
  return { label: isoFromDay(epochDay), grain: 'day', start: epochDay, end: epochDay };
}

export function isoWeekPeriod(isoYear: number, week: number): Period {
  const start = isoWeekMonday(isoYear, week);
  return { label: `${padYear(isoYear)}-W${pad2(week)}`, grain: 'week', start, end: start + 6 };
}

/** Month index counted from year 0 (`year * 12 + month - 1`), so month arithmetic is plain addition. */
function monthStart(absoluteMonth: number): number {
  const year = Math.floor(absoluteMonth / 12);
  return daysFromCivil(year, absoluteMonth - year * 12 + 1, 1);
}

function monthSpan(firstAbsoluteMonth: number, months: number): { start: number; end: number } {
  return { start: monthStart(firstAbsoluteMonth), end: monthStart(firstAbsoluteMonth + months) - 1 };
}

export function monthPeriod(year: number, month: number): Period {
  return { label: `${padYear(year)}-${pad2(month)}`, grain: 'month', ...monthSpan(year * 12 + month - 1, 1) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  return { label: `${padYear(year)}-Q${quarter}`, grain: 'quarter', ...monthSpan(year * 12 + (quarter - 1) * 3, 3) };
}

export function yearPeriod(year: number): Period {
  return { label: padYear(year), grain: 'year', ...monthSpan(year * 12, 12) };
}

/**
 * A fiscal year is named by the calendar year in which it ends: with a July
 * start, FY2026 runs 2025-07-01..2026-06-30; with a January start it is the
 * calendar year 2026.
 */
function fiscalYearFirstMonth(fiscalYear: number, startMonth: number): number {
  const startYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  return startYear * 12 + startMonth - 1;
}

export function fiscalYearPeriod(fiscalYear: number, startMonth: number): Period {
  return {
    label: `FY${padYear(fiscalYear)}`,
    grain: 'fiscal_year',
    ...monthSpan(fiscalYearFirstMonth(fiscalYear, startMonth), 12),
  };
}

export function fiscalQuarterPeriod(fiscalYear: number, quarter: number, startMonth: number): Period {
  return {
    label: `FY${padYear(fiscalYear)}-Q${quarter}`,
    grain: 'fiscal_quarter',
    ...monthSpan(fiscalYearFirstMonth(fiscalYear, startMonth) + (quarter - 1) * 3, 3),
  };
}

export interface FiscalPosition {
  readonly fiscalYear: number;
  readonly quarter: number;
}

export function fiscalPositionOf(epochDay: number, startMonth: number): FiscalPosition {
  const { year, month } = civilFromDays(epochDay);
  const fiscalYear = startMonth === 1 || month < startMonth ? year : year + 1;
  const monthsIntoYear = (month - startMonth + 12) % 12;
  return { fiscalYear, quarter: Math.floor(monthsIntoYear / 3) + 1 };
}

export function rangeLabel(start: number, end: number): string {
  return `${isoFromDay(start)}..${isoFromDay(end)}`;
}
