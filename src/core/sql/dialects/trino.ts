import { doubleQuote, interpolateSorted, roundViaDecimal, standardString, type SqlDialect } from './dialect.js';

export const trino: SqlDialect = {
  name: 'trino',
  quote: doubleQuote,
  string: standardString,
  doubleType: 'DOUBLE',
  textType: 'VARCHAR',
  intType: 'BIGINT',
  filterClause: true,
  matches: (text, pattern) => `regexp_like(${text}, ${standardString(pattern)})`,
  replaceAll: (text, pattern, replacement) => `regexp_replace(${text}, ${standardString(pattern)}, ${standardString(replacement)})`,
  replaceFirst: (text, pattern, replacement) => `regexp_replace(${text}, ${standardString(pattern)}, ${standardString(replacement)})`,
  // Integer / integer truncates in Trino: divide as doubles.
  divide: (a, b) => `CAST(${a} AS DOUBLE) / NULLIF(CAST(${b} AS DOUBLE), 0)`,
  remainder: (a, b) => `(CASE WHEN mod(${a}, ${b}) <> 0 AND (mod(${a}, ${b}) < 0) <> ((${b}) < 0) THEN mod(${a}, ${b}) + (${b}) ELSE mod(${a}, ${b}) END)`,
  round: (x, digits) => roundViaDecimal(x, digits, 'DECIMAL(38, 15)', 'DOUBLE'),
  // approx_percentile is approximate: sort the values into an array, interpolate after.
  percentile: (value, p, filter) => ({
    aggregate: `array_sort(array_agg(${value})${` FILTER (WHERE ${value} IS NOT NULL${filter ? ` AND (${filter})` : ''})`})`,
    finish: (column) => interpolateSorted(column, p, (a, i) => `element_at(${a}, ${i})`, (a) => `cardinality(${a})`, 'DOUBLE'),
  }),
  localToUtcMs: (wallMs, timezone) =>
    `to_unixtime(with_timezone(CAST(from_unixtime((${wallMs}) / 1000.0) AT TIME ZONE 'UTC' AS TIMESTAMP(3)), ${standardString(timezone)})) * 1000`,
  sameValue: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
};
