import type { ColumnDef } from '../library/types.js';
import { DEFAULT_MISSING_TOKENS } from '../values/missing-tokens.js';
import type { SqlDialect } from './dialects/index.js';
import {
  DATE_PATTERN,
  FALSE_TOKENS,
  GROUP_SPACES,
  NEGATIVE_PATTERN,
  TIMESTAMP_HEAD,
  TIMESTAMP_PATTERN,
  TRUE_TOKENS,
  currencyPattern,
  integerPattern,
  numberPattern,
  percentPattern,
  thousandsMark,
  type DecimalMark,
} from './value-patterns.js';

/** Thrown when a definition uses something the SQL compiler cannot express. */
export class SqlCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlCompileError';
  }
}

export interface CellContext {
  readonly dialect: SqlDialect;
  readonly decimal: DecimalMark;
  readonly missingTokens?: readonly string[];
  readonly timezone: string;
  readonly dateFormat?: string;
  readonly timestampFormat?: string;
  /** The SQL name of the column, or of a helper column of it (`suffix` non-empty). */
  readonly ref: (suffix: string) => string;
}

/**
 * A column typed by rmos's value rules in two query levels: `prep` (helper columns read
 * from the trimmed text) then `value` and `invalid` (from the helpers). A missing cell
 * is NULL and not invalid; an invalid cell is NULL and invalid.
 */
export interface ColumnSql {
  readonly prep: readonly (readonly [suffix: string, sql: string])[];
  readonly value: string;
  readonly invalid: string;
}

const MAX_SAFE_INTEGER = '9007199254740991';

function list(dialect: SqlDialect, items: readonly string[]): string {
  return items.map((i) => dialect.string(i)).join(', ');
}

function missingTest(column: ColumnDef, ctx: CellContext): string {
  const text = ctx.ref('');
  // In text columns only a blank cell is missing: "NA" may well be North America.
  if (column.type === 'string') return `(${text} IS NULL OR ${text} = '')`;
  const tokens = [...new Set((ctx.missingTokens ?? DEFAULT_MISSING_TOKENS).map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
  return `(${text} IS NULL OR ${text} = ''${tokens.length > 0 ? ` OR LOWER(${text}) IN (${list(ctx.dialect, tokens)})` : ''})`;
}

/** Epoch day of integer year, month, day columns (Hinnant's days_from_civil without eras; exact for years 1..9999). */
export function epochDaySql(y: string, m: string, d: string, dialect: SqlDialect): string {
  const yy = `(${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
  const shifted = `(${m} + CASE WHEN ${m} > 2 THEN -3 ELSE 9 END)`;
  return `CAST(365 * ${yy} + FLOOR(${yy} / 4.0) - FLOOR(${yy} / 100.0) + FLOOR(${yy} / 400.0) + FLOOR((153 * ${shifted} + 2) / 5.0) + ${d} - 1 - 719468 AS ${dialect.doubleType})`;
}

function realDateSql(y: string, m: string, d: string): string {
  const leap = `((MOD(${y}, 4) = 0 AND MOD(${y}, 100) <> 0) OR MOD(${y}, 400) = 0)`;
  const days = `CASE WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  return `(${m} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ${days})`;
}

function numericColumn(column: ColumnDef, ctx: CellContext): ColumnSql {
  const { dialect, decimal } = ctx;
  const text = ctx.ref('');
  const missing = ctx.ref('missing');
  const num = ctx.ref('num');
  const toDouble = (sql: string): string => `CAST(${sql} AS ${dialect.doubleType})`;
  const standardMark = (sql: string): string => (decimal === ',' ? `REPLACE(${sql}, ',', '.')` : sql);
  let pattern: string;
  let parse: string;
  if (column.type === 'currency') {
    pattern = currencyPattern(decimal);
    const digits = standardMark(dialect.replaceAll(text, `[^0-9${decimal}]`, ''));
    parse = `CASE WHEN ${dialect.matches(text, NEGATIVE_PATTERN)} THEN -1 ELSE 1 END * ${toDouble(digits)}`;
  } else {
    pattern = column.type === 'integer' ? integerPattern(decimal) : column.type === 'number' ? numberPattern(decimal) : percentPattern(decimal);
    const groups = `[${thousandsMark(decimal)}${GROUP_SPACES.join('')}%]`;
    parse = toDouble(standardMark(`REPLACE(${dialect.replaceAll(text, groups, '')}, '−', '-')`));
    if (column.type === 'percent') parse = `CASE WHEN ${dialect.matches(text, '^.*%$')} THEN ${parse} / 100 ELSE ${parse} END`;
  }
  const prep: [string, string][] = [
    ['missing', missingTest(column, ctx)],
    ['num', `CASE WHEN ${text} IS NOT NULL AND ${dialect.matches(text, pattern)} THEN ${parse} END`],
  ];
  const bad = [`${num} IS NULL`];
  if (column.min !== undefined) bad.push(`${num} < ${column.min}`);
  if (column.max !== undefined) bad.push(`${num} > ${column.max}`);
  if (column.type === 'integer') bad.push(`ABS(${num}) > ${MAX_SAFE_INTEGER}`);
  const invalid = `(NOT ${missing} AND (${bad.join(' OR ')}))`;
  return { prep, value: `CASE WHEN ${invalid} OR ${missing} THEN NULL ELSE ${num} END`, invalid };
}

function booleanColumn(column: ColumnDef, ctx: CellContext): ColumnSql {
  const text = ctx.ref('');
  const lower = `LOWER(${text})`;
  const prep: [string, string][] = [
    ['missing', missingTest(column, ctx)],
    ['bool', `CASE WHEN ${lower} IN (${list(ctx.dialect, TRUE_TOKENS)}) THEN TRUE WHEN ${lower} IN (${list(ctx.dialect, FALSE_TOKENS)}) THEN FALSE END`],
  ];
  const missing = ctx.ref('missing');
  const bool = ctx.ref('bool');
  return { prep, value: `CASE WHEN ${missing} THEN NULL ELSE ${bool} END`, invalid: `(NOT ${missing} AND ${bool} IS NULL)` };
}

function stringColumn(column: ColumnDef, ctx: CellContext): ColumnSql {
  const text = ctx.ref('');
  const missing = ctx.ref('missing');
  const allowed = column.values ? [...new Set(column.values.map((v) => v.trim()))] : undefined;
  const invalid = allowed ? `(NOT ${missing} AND ${text} NOT IN (${list(ctx.dialect, allowed)}))` : 'FALSE';
  return {
    prep: [['missing', missingTest(column, ctx)]],
    value: allowed ? `CASE WHEN ${missing} OR ${invalid} THEN NULL ELSE ${text} END` : `CASE WHEN ${missing} THEN NULL ELSE ${text} END`,
    invalid,
  };
}

function digitsAt(text: string, start: number, length: number, dialect: SqlDialect): string {
  return `CAST(SUBSTR(${text}, ${start}, ${length}) AS ${dialect.intType})`;
}

function dateColumn(column: ColumnDef, ctx: CellContext): ColumnSql {
  if (ctx.dateFormat !== undefined && ctx.dateFormat !== 'YYYY-MM-DD') {
    throw new SqlCompileError(`column ${column.name}: date_format ${ctx.dateFormat} cannot be compiled to SQL yet; load the column as YYYY-MM-DD text`);
  }
  const { dialect } = ctx;
  const text = ctx.ref('');
  const ok = `(${text} IS NOT NULL AND ${dialect.matches(text, DATE_PATTERN)})`;
  const prep: [string, string][] = [
    ['missing', missingTest(column, ctx)],
    ['y', `CASE WHEN ${ok} THEN ${digitsAt(text, 1, 4, dialect)} END`],
    ['m', `CASE WHEN ${ok} THEN ${digitsAt(text, 6, 2, dialect)} END`],
    ['d', `CASE WHEN ${ok} THEN ${digitsAt(text, 9, 2, dialect)} END`],
  ];
  const [y, m, d, missing] = [ctx.ref('y'), ctx.ref('m'), ctx.ref('d'), ctx.ref('missing')];
  const real = `(${y} IS NOT NULL AND ${realDateSql(y, m, d)})`;
  return {
    prep,
    value: `CASE WHEN NOT ${missing} AND ${real} THEN ${epochDaySql(y, m, d, dialect)} END`,
    invalid: `(NOT ${missing} AND NOT COALESCE(${real}, FALSE))`,
  };
}

function timestampColumn(column: ColumnDef, ctx: CellContext): ColumnSql {
  if (ctx.timestampFormat !== undefined) {
    throw new SqlCompileError(`column ${column.name}: timestamp_format ${ctx.timestampFormat} cannot be compiled to SQL yet; load the column as ISO 8601 text`);
  }
  const { dialect } = ctx;
  const text = ctx.ref('');
  const ok = `(${text} IS NOT NULL AND ${dialect.matches(text, TIMESTAMP_PATTERN)})`;
  const timed = `LENGTH(${text}) > 10`;
  const withSeconds = `SUBSTR(${text}, 17, 1) = ':'`;
  const fraction = dialect.replaceFirst(`SUBSTR(${text}, 21)`, '[^0-9].*$', '');
  const prep: [string, string][] = [
    ['missing', missingTest(column, ctx)],
    ['y', `CASE WHEN ${ok} THEN ${digitsAt(text, 1, 4, dialect)} END`],
    ['m', `CASE WHEN ${ok} THEN ${digitsAt(text, 6, 2, dialect)} END`],
    ['d', `CASE WHEN ${ok} THEN ${digitsAt(text, 9, 2, dialect)} END`],
    ['hh', `CASE WHEN ${ok} AND ${timed} THEN ${digitsAt(text, 12, 2, dialect)} ELSE 0 END`],
    ['mi', `CASE WHEN ${ok} AND ${timed} THEN ${digitsAt(text, 15, 2, dialect)} ELSE 0 END`],
    ['ss', `CASE WHEN ${ok} AND ${timed} AND ${withSeconds} THEN ${digitsAt(text, 18, 2, dialect)} ELSE 0 END`],
    // Fractions beyond milliseconds are cut off, as the built-in engine does.
    ['ms', `CASE WHEN ${ok} AND ${timed} AND ${withSeconds} AND SUBSTR(${text}, 20, 1) IN ('.', ',') THEN CAST(RPAD(SUBSTR(${fraction}, 1, 3), 3, '0') AS ${dialect.intType}) ELSE 0 END`],
    // The offset alone, without spaces or colon: '', Z, z, UTC, +02, +0200, −0330.
    ['tz', `CASE WHEN ${ok} THEN REPLACE(REPLACE(${dialect.replaceFirst(text, TIMESTAMP_HEAD, '')}, ' ', ''), ':', '') END`],
  ];
  const [y, m, d, hh, mi, ss, ms, tz, missing] = ['y', 'm', 'd', 'hh', 'mi', 'ss', 'ms', 'tz', 'missing'].map(ctx.ref) as [string, string, string, string, string, string, string, string, string];
  const utcMarker = `${tz} IN ('Z', 'z', 'UTC')`;
  const offsetOk = `(${tz} = '' OR ${utcMarker} OR (SUBSTR(${tz}, 2, 2) <= '23' AND (LENGTH(${tz}) = 3 OR SUBSTR(${tz}, 4, 2) <= '59')))`;
  const offsetMinutes = `CASE WHEN ${tz} = '' OR ${utcMarker} THEN 0 ELSE CASE WHEN SUBSTR(${tz}, 1, 1) = '+' THEN 1 ELSE -1 END * (CAST(SUBSTR(${tz}, 2, 2) AS ${dialect.intType}) * 60 + CASE WHEN LENGTH(${tz}) = 5 THEN CAST(SUBSTR(${tz}, 4, 2) AS ${dialect.intType}) ELSE 0 END) END`;
  const real = `(${y} IS NOT NULL AND ${realDateSql(y, m, d)} AND ${hh} <= 23 AND ${mi} <= 59 AND ${ss} <= 59 AND ${offsetOk})`;
  const wall = `(${epochDaySql(y, m, d, dialect)} * 86400000 + ${hh} * 3600000 + ${mi} * 60000 + ${ss} * 1000 + ${ms})`;
  const utc = ctx.timezone === 'UTC' || ctx.timezone === 'Etc/UTC';
  // A stated offset wins; a wall time without one is local to the library's time zone.
  const instant = utc
    ? `${wall} - ${offsetMinutes} * 60000`
    : `CASE WHEN ${tz} = '' THEN ${dialect.localToUtcMs(wall, ctx.timezone)} ELSE ${wall} - ${offsetMinutes} * 60000 END`;
  return {
    prep,
    value: `CASE WHEN NOT ${missing} AND ${real} THEN CAST(${instant} AS ${dialect.doubleType}) END`,
    invalid: `(NOT ${missing} AND NOT COALESCE(${real}, FALSE))`,
  };
}

/** The SQL that types one column of text cells the way the built-in engine types them. */
export function columnSql(column: ColumnDef, ctx: CellContext): ColumnSql {
  switch (column.type) {
    case 'integer':
    case 'number':
    case 'currency':
    case 'percent':
      return numericColumn(column, ctx);
    case 'boolean':
      return booleanColumn(column, ctx);
    case 'date':
      return dateColumn(column, ctx);
    case 'timestamp':
      return timestampColumn(column, ctx);
    case 'string':
      return stringColumn(column, ctx);
  }
}
