import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalendarGrain,
  type Period,
  type PeriodOptions,
  dayFromIso,
  isoWeekOf,
  isoWeeksInYear,
  makePeriodBucketer,
  parsePeriod,
  periodContaining,
  previousPeriod,
  rangePeriod,
  trailingPeriods,
  yearAgoPeriod,
} from '../../../src/core/periods/index.js';

const calendar = { fiscalYearStartMonth: 1 };
const july = { fiscalYearStartMonth: 7 };
const april = { fiscalYearStartMonth: 4 };

function parsed(label: string, options: PeriodOptions = calendar): Period {
  const p = parsePeriod(label, options);
  if ('error' in p) throw new Error(p.error);
  return p;
}

function ranged(from: string, to: string): Period {
  const p = rangePeriod(from, to);
  if ('error' in p) throw new Error(p.error);
  return p;
}

const day = (iso: string): number => dayFromIso(iso)!;

describe('ISO weeks', () => {
  it('puts a week in the year of its Thursday', () => {
    expect(isoWeekOf(day('2024-12-30'))).toEqual({ isoYear: 2025, week: 1 });
    expect(isoWeekOf(day('2021-01-03'))).toEqual({ isoYear: 2020, week: 53 });
    expect(isoWeekOf(day('2021-01-04'))).toEqual({ isoYear: 2021, week: 1 });
    expect(isoWeekOf(day('2025-12-28'))).toEqual({ isoYear: 2025, week: 52 });
    expect(isoWeekOf(day('2025-12-29'))).toEqual({ isoYear: 2026, week: 1 });
    expect(isoWeekOf(day('2008-12-29'))).toEqual({ isoYear: 2009, week: 1 });
  });

  it('knows which years have 53 weeks', () => {
    expect([2015, 2020, 2021, 2024, 2025, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 53, 52, 52, 52, 53, 53]);
  });
});

describe('previousPeriod', () => {
  it.each([
    ['2025-01', '2024-12'],
    ['2024-03', '2024-02'],
    ['2025-Q1', '2024-Q4'],
    ['2025-W01', '2024-W52'],
    ['2021-W01', '2020-W53'],
    ['2025-W14', '2025-W13'],
    ['2025', '2024'],
    ['2025-03-01', '2025-02-28'],
    ['2024-03-01', '2024-02-29'],
  ])('of %s is %s', (label, previous) => {
    expect(previousPeriod(parsed(label), calendar)).toEqual(parsed(previous));
  });

  it('steps through fiscal periods', () => {
    expect(previousPeriod(parsed('FY2026', july), july)).toEqual(parsed('FY2025', july));
    expect(previousPeriod(parsed('FY2026-Q1', july), july)).toEqual(parsed('FY2025-Q4', july));
    expect(parsed('FY2025-Q4', july)).toMatchObject({ start: day('2025-04-01'), end: day('2025-06-30') });
    expect(previousPeriod(parsed('FY2026-Q3', april), april)).toEqual(parsed('FY2026-Q2', april));
  });

  it('moves a range back by its own length', () => {
    expect(previousPeriod(ranged('2025-01-10', '2025-01-19'), calendar)).toEqual(ranged('2024-12-31', '2025-01-09'));
    expect(previousPeriod(ranged('2024-03-01', '2024-03-01'), calendar)).toEqual(ranged('2024-02-29', '2024-02-29'));
  });
});

describe('yearAgoPeriod', () => {
  it.each([
    ['2025-03', '2024-03'],
    ['2025-Q2', '2024-Q2'],
    ['2025', '2024'],
    ['2025-07-01', '2024-07-01'],
    ['2024-02-29', '2023-02-28'],
    ['2021-W10', '2020-W10'],
    ['2026-W53', '2025-W52'],
    ['2021-W01', '2020-W01'],
  ])('of %s is %s', (label, yearAgo) => {
    expect(yearAgoPeriod(parsed(label), calendar)).toEqual(parsed(yearAgo));
  });

  it('keeps the fiscal quarter number', () => {
    expect(yearAgoPeriod(parsed('FY2026-Q2', april), april)).toEqual(parsed('FY2025-Q2', april));
    expect(parsed('FY2025-Q2', april)).toMatchObject({ start: day('2024-07-01'), end: day('2024-09-30') });
    expect(yearAgoPeriod(parsed('FY2026', july), july)).toEqual(parsed('FY2025', july));
  });

  it('moves both ends of a range back one calendar year', () => {
    expect(yearAgoPeriod(ranged('2024-02-01', '2024-02-29'), calendar)).toEqual(ranged('2023-02-01', '2023-02-28'));
    expect(yearAgoPeriod(ranged('2025-06-15', '2025-07-14'), calendar)).toEqual(ranged('2024-06-15', '2024-07-14'));
  });
});

describe('trailingPeriods', () => {
  it('returns the n periods ending with p, oldest first', () => {
    expect(trailingPeriods(parsed('2025-02'), 3, calendar).map((p) => p.label)).toEqual(['2024-12', '2025-01', '2025-02']);
    expect(trailingPeriods(parsed('FY2026-Q2', july), 4, july).map((p) => p.label)).toEqual([
      'FY2025-Q3',
      'FY2025-Q4',
      'FY2026-Q1',
      'FY2026-Q2',
    ]);
    expect(trailingPeriods(parsed('2021-W02'), 3, calendar).map((p) => p.label)).toEqual(['2020-W53', '2021-W01', '2021-W02']);
    expect(trailingPeriods(parsed('2025-02'), 1, calendar)).toEqual([parsed('2025-02')]);
    expect(trailingPeriods(parsed('2025-02'), 0, calendar)).toEqual([]);
  });

  it('rejects a negative or fractional count', () => {
    expect(() => trailingPeriods(parsed('2025-02'), -1, calendar)).toThrow(RangeError);
    expect(() => trailingPeriods(parsed('2025-02'), 1.5, calendar)).toThrow(RangeError);
  });
});

describe('periodContaining', () => {
  it.each([
    ['2024-12-30', 'week', '2025-W01'],
    ['2021-01-03', 'week', '2020-W53'],
    ['2024-02-29', 'month', '2024-02'],
    ['2025-08-15', 'quarter', '2025-Q3'],
    ['2025-12-31', 'year', '2025'],
    ['2025-07-04', 'day', '2025-07-04'],
  ] as const)('puts %s in the %s %s', (iso, grain, label) => {
    expect(periodContaining(day(iso), grain, calendar)).toEqual(parsed(label));
  });

  it('buckets fiscal periods by start month', () => {
    expect(periodContaining(day('2026-02-10'), 'fiscal_quarter', april).label).toBe('FY2026-Q4');
    expect(periodContaining(day('2026-04-01'), 'fiscal_quarter', april).label).toBe('FY2027-Q1');
    expect(periodContaining(day('2025-07-01'), 'fiscal_quarter', july).label).toBe('FY2026-Q1');
    expect(periodContaining(day('2025-06-30'), 'fiscal_quarter', july).label).toBe('FY2025-Q4');
    expect(periodContaining(day('2025-06-30'), 'fiscal_year', july).label).toBe('FY2025');
    expect(periodContaining(day('2025-12-31'), 'fiscal_year', calendar).label).toBe('FY2025');
  });

  const grains: CalendarGrain[] = ['day', 'week', 'month', 'quarter', 'year', 'fiscal_quarter', 'fiscal_year'];

  it('tiles the timeline for every grain and start month, with labels that parse back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -25_000, max: 60_000 }),
        fc.constantFrom(...grains),
        fc.integer({ min: 1, max: 12 }),
        (d, grain, fiscalYearStartMonth) => {
          const options = { fiscalYearStartMonth };
          const p = periodContaining(d, grain, options);
          expect(p.start <= d && d <= p.end).toBe(true);
          expect(parsePeriod(p.label, options)).toEqual(p);
          expect(previousPeriod(p, options).end).toBe(p.start - 1);
          expect(periodContaining(p.end + 1, grain, options).start).toBe(p.end + 1);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reuses the last period in a bucketer while days stay inside it', () => {
    const bucket = makePeriodBucketer('month', calendar);
    const first = bucket(day('2025-03-05'));
    expect(bucket(day('2025-03-31'))).toBe(first);
    expect(bucket(day('2025-04-01')).label).toBe('2025-04');
    expect(bucket(day('2025-03-01'))).toEqual(first);
  });
});
