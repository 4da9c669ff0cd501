export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'fiscal_quarter' | 'fiscal_year' | 'range';

/** A reporting period: epoch days, both ends inclusive. */
export interface Period {
  label: string;
  grain: Grain;
  start: number;
  end: number;
}

export interface PeriodOptions {
  /** Month (1..12) in which the fiscal year starts; 1 makes fiscal years calendar years. */
  fiscalYearStartMonth: number;
}

export type CalendarGrain = Exclude<Grain, 'range'>;
