import { backslashString, backtick, interpolateSorted, roundViaDecimal, type SqlDialect } from './dialect.js';

export const bigquery: SqlDialect = {
  name: 'bigquery',
  quote: backtick,
  string: backslashString,
  doubleType: 'FLOAT64',
  textType: 'STRING',
  intType: 'INT64',
  filterClause: false,
  matches: (text, pattern) => `REGEXP_CONTAINS(${text}, ${backslashString(pattern)})`,
  replaceAll: (text, pattern, replacement) => `REGEXP_REPLACE(${text}, ${backslashString(pattern)}, ${backslashString(replacement)})`,
  replaceFirst: (text, pattern, replacement) => `REGEXP_REPLACE(${text}, ${backslashString(pattern)}, ${backslashString(replacement)})`,
  divide: (a, b) => `SAFE_DIVIDE(${a}, NULLIF(${b}, 0))`,
  remainder: (a, b) => {
    const r = `MOD(CAST(${a} AS BIGNUMERIC), CAST(${b} AS BIGNUMERIC))`;
    return `CAST(CASE WHEN ${r} <> 0 AND (${r} < 0) <> ((${b}) < 0) THEN ${r} + CAST(${b} AS BIGNUMERIC) ELSE ${r} END AS FLOAT64)`;
  },
  round: (x, digits) => roundViaDecimal(x, digits, 'BIGNUMERIC', 'FLOAT64'),
  // PERCENTILE_CONT is only analytic in BigQuery: sort the values into an array, interpolate after.
  percentile: (value, p, filter) => ({
    aggregate: `ARRAY_AGG(${filter ? `CASE WHEN ${filter} THEN ${value} END` : value} IGNORE NULLS ORDER BY ${filter ? `CASE WHEN ${filter} THEN ${value} END` : value})`,
    finish: (column) => interpolateSorted(column, p, (a, i) => `${a}[ORDINAL(${i})]`, (a) => `ARRAY_LENGTH(${a})`, 'FLOAT64'),
  }),
  localToUtcMs: (wallMs, timezone) => `UNIX_MILLIS(TIMESTAMP(DATETIME(TIMESTAMP_MILLIS(CAST(${wallMs} AS INT64))), ${backslashString(timezone)}))`,
  sameValue: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
};
