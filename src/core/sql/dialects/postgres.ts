import { doubleQuote, standardString, type SqlDialect } from './dialect.js';

const DOUBLE = 'DOUBLE PRECISION';

export const postgres: SqlDialect = {
  name: 'postgres',
  quote: doubleQuote,
  string: standardString,
  doubleType: DOUBLE,
  textType: 'TEXT',
  intType: 'BIGINT',
  filterClause: true,
  matches: (text, pattern) => `(${text} ~ ${standardString(pattern)})`,
  replaceAll: (text, pattern, replacement) => `regexp_replace(${text}, ${standardString(pattern)}, ${standardString(replacement)}, 'g')`,
  replaceFirst: (text, pattern, replacement) => `regexp_replace(${text}, ${standardString(pattern)}, ${standardString(replacement)})`,
  // Integer / integer truncates in PostgreSQL: divide as doubles.
  divide: (a, b) => `CAST(${a} AS ${DOUBLE}) / NULLIF(CAST(${b} AS ${DOUBLE}), 0)`,
  // mod() has no double precision form: go through numeric.
  remainder: (a, b) => {
    const r = `MOD(CAST(${a} AS NUMERIC), CAST(${b} AS NUMERIC))`;
    return `CAST(CASE WHEN ${r} <> 0 AND (${r} < 0) <> ((${b}) < 0) THEN ${r} + CAST(${b} AS NUMERIC) ELSE ${r} END AS ${DOUBLE})`;
  },
  // A double cast to numeric keeps 15 significant digits, and numeric rounds half away from zero.
  round: (x, digits) => `CAST(ROUND(CAST(${x} AS NUMERIC), ${digits}) AS ${DOUBLE})`,
  percentile: (value, p, filter) => ({ aggregate: `percentile_cont(${p}) WITHIN GROUP (ORDER BY ${value})${filter ? ` FILTER (WHERE ${filter})` : ''}` }),
  localToUtcMs: (wallMs, timezone) => `(EXTRACT(EPOCH FROM ((to_timestamp((${wallMs}) / 1000.0) AT TIME ZONE 'UTC') AT TIME ZONE ${standardString(timezone)})) * 1000)`,
  sameValue: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
};
