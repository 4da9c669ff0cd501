/**
 * How every row of a source that a metric read was used: the counts add up to `read`.
 * Order of classification: out of period, duplicate, excluded (first matching
 * exclusion), then a missing or invalid time, an invalid value in any column the
 * metric reads, missing values in every column it measures, and finally used.
 */
export interface Accounting {
  read: number;
  out_of_period: number;
  duplicate: number;
  excluded: Record<string, number>;
  missing: number;
  invalid: number;
  used: number;
}

export function emptyAccounting(exclusions: readonly string[]): Accounting {
  const excluded: Record<string, number> = {};
  for (const name of exclusions) excluded[name] = 0;
  return { read: 0, out_of_period: 0, duplicate: 0, excluded, missing: 0, invalid: 0, used: 0 };
}

export function accountedRows(a: Accounting): number {
  return a.out_of_period + a.duplicate + Object.values(a.excluded).reduce((s, n) => s + n, 0) + a.missing + a.invalid + a.used;
}
