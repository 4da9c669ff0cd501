import {
  dayPeriod,
  fiscalQuarterPeriod,
  fiscalYearPeriod,
  isoWeekPeriod,
  monthPeriod,
  quarterPeriod,
  rangeLabel,
  yearPeriod,
} from './calendar-periods.js';
import { dayFromIso } from './epoch-day.js';
import { isoWeeksInYear } from './iso-week.js';
import { assertFiscalStartMonth } from './period-containing.js';
import type { Period, PeriodOptions } from './period-types.js';

const ACCEPTED_FORMS =
  'use YYYY-MM-DD (day), YYYY-Www (ISO week), YYYY-MM (month), YYYY-Qn (quarter), YYYY (year), FYyyyy (fiscal year) or FYyyyy-Qn (fiscal quarter), e.g. 2025-10, 2025-Q3, 2025-W14, FY2026-Q1';

// Case-insensitive so 'fy2026-q1' typed at a shell works; labels are always printed in canonical upper case.
const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q(\d)$/i;
const WEEK = /^(\d{4})-W(\d{2})$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FISCAL_YEAR = /^FY(\d{4})$/i;
const FISCAL_QUARTER = /^FY(\d{4})-Q(\d)$/i;

function invalid(label: string, why: string): { error: string } {
  return { error: `"${label}" is not a valid period: ${why}.` };
}

function quarterError(label: string, quarter: number): { error: string } | null {
  return quarter >= 1 && quarter <= 4 ? null : invalid(label, 'the quarter must be Q1 to Q4');
}

/** Parses a period label given on the command line or in a metric test. */
export function parsePeriod(label: string, options: PeriodOptions): Period | { error: string } {
  const text = label.trim();
  let m: RegExpExecArray | null;
  if (DAY.test(text)) {
    const day = dayFromIso(text);
    return day === null ? invalid(text, 'that day does not exist') : dayPeriod(day);
  }
  if ((m = YEAR.exec(text))) return yearPeriod(Number(m[1]));
  if ((m = MONTH.exec(text))) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? monthPeriod(Number(m[1]), month) : invalid(text, 'the month must be 01 to 12');
  }
  if ((m = QUARTER.exec(text))) {
    const quarter = Number(m[2]);
    return quarterError(text, quarter) ?? quarterPeriod(Number(m[1]), quarter);
  }
  if ((m = WEEK.exec(text))) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    const weeks = isoWeeksInYear(year);
    if (week < 1 || week > weeks) return invalid(text, `ISO year ${m[1]} has weeks W01 to W${weeks}`);
    return isoWeekPeriod(year, week);
  }
  if ((m = FISCAL_YEAR.exec(text))) return fiscalYearPeriod(Number(m[1]), assertFiscalStartMonth(options));
  if ((m = FISCAL_QUARTER.exec(text))) {
    const quarter = Number(m[2]);
    return quarterError(text, quarter) ?? fiscalQuarterPeriod(Number(m[1]), quarter, assertFiscalStartMonth(options));
  }
  return { error: `"${text}" is not a period: ${ACCEPTED_FORMS}.` };
}

/** An explicit inclusive range of ISO dates, labelled 'from..to'. */
export function rangePeriod(from: string, to: string): Period | { error: string } {
  const start = dayFromIso(from.trim());
  if (start === null) return { error: `"${from.trim()}" is not a real date in YYYY-MM-DD form.` };
  const end = dayFromIso(to.trim());
  if (end === null) return { error: `"${to.trim()}" is not a real date in YYYY-MM-DD form.` };
  if (end < start) return { error: `The range ends (${to.trim()}) before it starts (${from.trim()}).` };
  return { label: rangeLabel(start, end), grain: 'range', start, end };
}
