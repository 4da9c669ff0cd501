import { doubleQuote, roundViaDecimal, standardString, type SqlDialect } from './dialect.js';

export const duckdb: SqlDialect = {
  name: 'duckdb',
  quote: doubleQuote,
  string: standardString,
  doubleType: 'DOUBLE',
  textType: 'VARCHAR',
  intType: 'BIGINT',
  filterClause: true,
  matches: (text, pattern) => `regexp_full_match(${text}, ${standardString(pattern)})`,
  replaceAll: (text, pattern, replacement) => `regexp_replace(${text}, ${standardString(pattern)}, ${standardString(replacement)}, 'g')`,
  replaceFirst: (text, pattern, replacement) => `regexp_replace(${text}, ${standardString(pattern)}, ${standardString(replacement)})`,
  divide: (a, b) => `(${a}) / NULLIF(${b}, 0)`,
  // fmod keeps the sign of the dividend; shift it to the divisor's, as rmos does.
  remainder: (a, b) => `(CASE WHEN fmod(${a}, ${b}) <> 0 AND (fmod(${a}, ${b}) < 0) <> ((${b}) < 0) THEN fmod(${a}, ${b}) + (${b}) ELSE fmod(${a}, ${b}) END)`,
  round: (x, digits) => roundViaDecimal(x, digits, 'DECIMAL(38, 15)', 'DOUBLE'),
  percentile: (value, p, filter) => ({ aggregate: `quantile_cont(${value}, ${p})${filter ? ` FILTER (WHERE ${filter})` : ''}` }),
  // Needs the ICU extension (bundled with the DuckDB clients).
  localToUtcMs: (wallMs, timezone) => `epoch_ms(timezone(${standardString(timezone)}, make_timestamp(CAST(${wallMs} AS BIGINT) * 1000)))`,
  sameValue: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
};
