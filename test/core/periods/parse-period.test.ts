import { describe, expect, it } from 'vitest';
import { type Period, dayFromIso, parsePeriod, rangePeriod } from '../../../src/core/periods/index.js';

const calendar = { fiscalYearStartMonth: 1 };
const july = { fiscalYearStartMonth: 7 };
const april = { fiscalYearStartMonth: 4 };

function period(label: string, grain: Period['grain'], from: string, to: string): Period {
  return { label, grain, start: dayFromIso(from)!, end: dayFromIso(to)! };
}

describe('parsePeriod', () => {
  it.each([
    ['2025-10', period('2025-10', 'month', '2025-10-01', '2025-10-31')],
    ['2024-02', period('2024-02', 'month', '2024-02-01', '2024-02-29')],
    ['2025-02', period('2025-02', 'month', '2025-02-01', '2025-02-28')],
    ['2025-Q1', period('2025-Q1', 'quarter', '2025-01-01', '2025-03-31')],
    ['2025-Q3', period('2025-Q3', 'quarter', '2025-07-01', '2025-09-30')],
    ['2025-q4', period('2025-Q4', 'quarter', '2025-10-01', '2025-12-31')],
    ['2025-W01', period('2025-W01', 'week', '2024-12-30', '2025-01-05')],
    ['2025-W14', period('2025-W14', 'week', '2025-03-31', '2025-04-06')],
    ['2020-W53', period('2020-W53', 'week', '2020-12-28', '2021-01-03')],
    ['2026-W53', period('2026-W53', 'week', '2026-12-28', '2027-01-03')],
    ['2025', period('2025', 'year', '2025-01-01', '2025-12-31')],
    ['2025-07-01', period('2025-07-01', 'day', '2025-07-01', '2025-07-01')],
    ['2024-02-29', period('2024-02-29', 'day', '2024-02-29', '2024-02-29')],
    [' 2025-10 ', period('2025-10', 'month', '2025-10-01', '2025-10-31')],
  ])('reads %j', (label, expected) => {
    expect(parsePeriod(label, calendar)).toEqual(expected);
  });

  it('names a fiscal year by the calendar year in which it ends', () => {
    expect(parsePeriod('FY2026', july)).toEqual(period('FY2026', 'fiscal_year', '2025-07-01', '2026-06-30'));
    expect(parsePeriod('FY2026', april)).toEqual(period('FY2026', 'fiscal_year', '2025-04-01', '2026-03-31'));
    expect(parsePeriod('FY2026', calendar)).toEqual(period('FY2026', 'fiscal_year', '2026-01-01', '2026-12-31'));
    expect(parsePeriod('fy2026', july)).toEqual(period('FY2026', 'fiscal_year', '2025-07-01', '2026-06-30'));
  });

  it('starts fiscal Q1 in the start month', () => {
    expect(parsePeriod('FY2026-Q1', july)).toEqual(period('FY2026-Q1', 'fiscal_quarter', '2025-07-01', '2025-09-30'));
    expect(parsePeriod('FY2026-Q2', july)).toEqual(period('FY2026-Q2', 'fiscal_quarter', '2025-10-01', '2025-12-31'));
    expect(parsePeriod('FY2026-Q3', july)).toEqual(period('FY2026-Q3', 'fiscal_quarter', '2026-01-01', '2026-03-31'));
    expect(parsePeriod('FY2026-Q4', july)).toEqual(period('FY2026-Q4', 'fiscal_quarter', '2026-04-01', '2026-06-30'));
    expect(parsePeriod('FY2026-Q1', april)).toEqual(period('FY2026-Q1', 'fiscal_quarter', '2025-04-01', '2025-06-30'));
    expect(parsePeriod('FY2026-Q4', april)).toEqual(period('FY2026-Q4', 'fiscal_quarter', '2026-01-01', '2026-03-31'));
    expect(parsePeriod('FY2026-Q1', calendar)).toEqual(period('FY2026-Q1', 'fiscal_quarter', '2026-01-01', '2026-03-31'));
    // A start month that does not divide the year into calendar quarters.
    expect(parsePeriod('FY2025-Q4', { fiscalYearStartMonth: 2 })).toEqual(
      period('FY2025-Q4', 'fiscal_quarter', '2024-11-01', '2025-01-31'),
    );
  });

  it.each([
    ['2025-13', '"2025-13" is not a valid period: the month must be 01 to 12.'],
    ['2025-00', '"2025-00" is not a valid period: the month must be 01 to 12.'],
    ['2025-Q5', '"2025-Q5" is not a valid period: the quarter must be Q1 to Q4.'],
    ['FY2026-Q0', '"FY2026-Q0" is not a valid period: the quarter must be Q1 to Q4.'],
    ['2021-W53', '"2021-W53" is not a valid period: ISO year 2021 has weeks W01 to W52.'],
    ['2025-W00', '"2025-W00" is not a valid period: ISO year 2025 has weeks W01 to W52.'],
    ['2025-02-29', '"2025-02-29" is not a valid period: that day does not exist.'],
  ])('explains why %j is not a period', (label, error) => {
    expect(parsePeriod(label, calendar)).toEqual({ error });
  });

  it.each(['July 2025', '25-10', '2025-1', '2025-W1', '2025Q3', 'FY26', '', '2025-10-01..2025-10-31'])(
    'lists the accepted forms for %j',
    (label) => {
      expect(parsePeriod(label, calendar)).toEqual({
        error: `"${label}" is not a period: use YYYY-MM-DD (day), YYYY-Www (ISO week), YYYY-MM (month), YYYY-Qn (quarter), YYYY (year), FYyyyy (fiscal year) or FYyyyy-Qn (fiscal quarter), e.g. 2025-10, 2025-Q3, 2025-W14, FY2026-Q1.`,
      });
    },
  );

  it('refuses an impossible fiscal start month', () => {
    expect(() => parsePeriod('FY2026', { fiscalYearStartMonth: 13 })).toThrow(
      'fiscalYearStartMonth must be a whole number from 1 to 12, not 13',
    );
  });
});

describe('rangePeriod', () => {
  it('builds an inclusive range labelled from..to', () => {
    expect(rangePeriod('2025-01-01', '2025-03-31')).toEqual(period('2025-01-01..2025-03-31', 'range', '2025-01-01', '2025-03-31'));
    expect(rangePeriod('2025-01-01', '2025-01-01')).toEqual(period('2025-01-01..2025-01-01', 'range', '2025-01-01', '2025-01-01'));
  });

  it('rejects bad dates and reversed ends', () => {
    expect(rangePeriod('2025-02-30', '2025-03-31')).toEqual({ error: '"2025-02-30" is not a real date in YYYY-MM-DD form.' });
    expect(rangePeriod('2025-01-01', '2025-3-31')).toEqual({ error: '"2025-3-31" is not a real date in YYYY-MM-DD form.' });
    expect(rangePeriod('2025-03-31', '2025-01-01')).toEqual({ error: 'The range ends (2025-01-01) before it starts (2025-03-31).' });
  });
});
