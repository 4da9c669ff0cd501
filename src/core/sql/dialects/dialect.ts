/**
 * What differs between SQL engines, and nothing else: each dialect is one small
 * object. The compiler writes only standard SQL plus calls to these.
 */
export type DialectName = 'duckdb' | 'postgres' | 'bigquery' | 'snowflake' | 'trino' | 'spark';

/** A percentile as an aggregate, and optionally a step that finishes it in the next query level. */
export interface PercentileSql {
  readonly aggregate: string;
  /** Given the aggregate's column, the final value (engines without an exact percentile aggregate). */
  readonly finish?: (column: string) => string;
}

export interface SqlDialect {
  readonly name: DialectName;
  quote(identifier: string): string;
  /** A string literal, escaped for the engine. */
  string(text: string): string;
  readonly doubleType: string;
  readonly textType: string;
  readonly intType: string;
  /** Whether aggregates take FILTER (WHERE ...); else CASE WHEN inside the aggregate. */
  readonly filterClause: boolean;
  /** Whole-text regular expression test; patterns use no backslashes, so they read the same everywhere. */
  matches(text: string, pattern: string): string;
  /** Replace every match of a pattern with a plain replacement (no backreferences). */
  replaceAll(text: string, pattern: string, replacement: string): string;
  /** Replace the first match of an anchored pattern. */
  replaceFirst(text: string, pattern: string, replacement: string): string;
  /** a / b, NULL when b is 0, as a double. */
  divide(a: string, b: string): string;
  /** Remainder with the sign of the divisor (rmos's mod); the caller guards b = 0. */
  remainder(a: string, b: string): string;
  /** Round half away from zero on the decimal value (2.675 → 2.68); digits is an integer literal. */
  round(x: string, digits: number): string;
  /** Exact linear-interpolation percentile (quantile_cont) of `value` over rows where `filter` holds. */
  percentile(value: string, p: number, filter: string | undefined): PercentileSql;
  /** Epoch milliseconds of a wall clock time (given as epoch ms read as UTC) in an IANA time zone. */
  localToUtcMs(wallMs: string, timezone: string): string;
  /** a IS NOT DISTINCT FROM b. */
  sameValue(a: string, b: string): string;
}

/** Double quotes, doubled inside: the SQL standard. */
export function doubleQuote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

export function backtick(identifier: string): string {
  return `\`${identifier.replace(/`/g, '``')}\``;
}

/** Standard string literal: single quotes doubled. */
export function standardString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Engines where a backslash escapes inside string literals (BigQuery, Spark). */
export function backslashString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Generic half-away-from-zero on a decimal cast, for engines whose DECIMAL rounds that way. */
export function roundViaDecimal(x: string, digits: number, decimalType: string, doubleType: string): string {
  return `CAST(ROUND(CAST(${x} AS ${decimalType}), ${digits}) AS ${doubleType})`;
}

/**
 * Percentile over a sorted array, for engines without an exact percentile aggregate:
 * element (1-based) lower + (upper − lower) × fraction, like quantile_cont.
 */
export function interpolateSorted(column: string, p: number, element: (array: string, oneBasedIndex: string) => string, length: (array: string) => string, doubleType: string): string {
  const rank = `(${p} * (${length(column)} - 1))`;
  const lower = `CAST(FLOOR(${rank}) AS BIGINT)`;
  const upper = `LEAST(${lower} + 1, ${length(column)} - 1)`;
  const lo = element(column, `${lower} + 1`);
  const hi = element(column, `${upper} + 1`);
  return `CASE WHEN ${length(column)} = 0 OR ${column} IS NULL THEN NULL ELSE CAST(${lo} AS ${doubleType}) + (CAST(${hi} AS ${doubleType}) - CAST(${lo} AS ${doubleType})) * (${rank} - ${lower}) END`;
}
