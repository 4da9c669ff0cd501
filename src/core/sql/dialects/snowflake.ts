import { doubleQuote, roundViaDecimal, standardString, type SqlDialect } from './dialect.js';

export const snowflake: SqlDialect = {
  name: 'snowflake',
  quote: doubleQuote,
  string: (text) => standardString(text).replace(/\\/g, '\\\\'),
  doubleType: 'DOUBLE',
  textType: 'VARCHAR',
  intType: 'BIGINT',
  filterClause: false,
  // REGEXP_LIKE matches the whole text, as the anchored patterns ask.
  matches: (text, pattern) => `REGEXP_LIKE(${text}, ${standardString(pattern)})`,
  replaceAll: (text, pattern, replacement) => `REGEXP_REPLACE(${text}, ${standardString(pattern)}, ${standardString(replacement)})`,
  replaceFirst: (text, pattern, replacement) => `REGEXP_REPLACE(${text}, ${standardString(pattern)}, ${standardString(replacement)}, 1, 1)`,
  divide: (a, b) => `(${a}) / NULLIF(${b}, 0)`,
  remainder: (a, b) => `(CASE WHEN MOD(${a}, ${b}) <> 0 AND (MOD(${a}, ${b}) < 0) <> ((${b}) < 0) THEN MOD(${a}, ${b}) + (${b}) ELSE MOD(${a}, ${b}) END)`,
  round: (x, digits) => roundViaDecimal(x, digits, 'NUMBER(38, 15)', 'DOUBLE'),
  percentile: (value, p, filter) => ({ aggregate: `PERCENTILE_CONT(${p}) WITHIN GROUP (ORDER BY ${filter ? `CASE WHEN ${filter} THEN ${value} END` : value})` }),
  localToUtcMs: (wallMs, timezone) => `DATE_PART(EPOCH_MILLISECOND, CONVERT_TIMEZONE(${standardString(timezone)}, 'UTC', TO_TIMESTAMP_NTZ(CAST(${wallMs} AS BIGINT), 3)))`,
  sameValue: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
};
