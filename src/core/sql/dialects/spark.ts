import { backslashString, backtick, roundViaDecimal, type SqlDialect } from './dialect.js';

export const spark: SqlDialect = {
  name: 'spark',
  quote: backtick,
  string: backslashString,
  doubleType: 'DOUBLE',
  textType: 'STRING',
  intType: 'BIGINT',
  filterClause: true,
  matches: (text, pattern) => `(${text} RLIKE ${backslashString(pattern)})`,
  replaceAll: (text, pattern, replacement) => `regexp_replace(${text}, ${backslashString(pattern)}, ${backslashString(replacement)})`,
  replaceFirst: (text, pattern, replacement) => `regexp_replace(${text}, ${backslashString(pattern)}, ${backslashString(replacement)})`,
  divide: (a, b) => `CAST(${a} AS DOUBLE) / NULLIF(CAST(${b} AS DOUBLE), 0)`,
  // pmod takes the sign of the divisor for a positive divisor only; spell it out.
  remainder: (a, b) => `(CASE WHEN (${a}) % (${b}) <> 0 AND ((${a}) % (${b}) < 0) <> ((${b}) < 0) THEN (${a}) % (${b}) + (${b}) ELSE (${a}) % (${b}) END)`,
  round: (x, digits) => roundViaDecimal(x, digits, 'DECIMAL(38, 15)', 'DOUBLE'),
  // Spark's percentile() is exact with linear interpolation.
  percentile: (value, p, filter) => ({ aggregate: `percentile(${value}, ${p})${filter ? ` FILTER (WHERE ${filter})` : ''}` }),
  localToUtcMs: (wallMs, timezone) => `unix_millis(to_utc_timestamp(timestamp_millis(CAST(${wallMs} AS BIGINT)), ${backslashString(timezone)}))`,
  sameValue: (a, b) => `${a} <=> ${b}`,
};
