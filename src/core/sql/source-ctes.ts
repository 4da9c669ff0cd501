import type { SourceDef } from '../library/types.js';
import { columnSql, SqlCompileError } from './cell-sql.js';
import type { Cte, SqlCompileRequest } from './compile-sql.js';
import type { PeriodBounds } from './period-bounds.js';
import type { SqlSourcePlan } from './plan-sql.js';
import { numberLiteral } from './translate-expression.js';
import { TRIM_PATTERN, type DecimalMark } from './value-patterns.js';

function decimalOf(source: SourceDef, request: SqlCompileRequest): DecimalMark {
  const given = request.decimals?.get(source.id);
  if (given) return given;
  return source.dialect.decimal === 'auto' ? '.' : source.dialect.decimal;
}

/** The per-source CTEs: text, helpers, typed cells, period state, duplicates. */
export function sourceCtes(plan: SqlSourcePlan, request: SqlCompileRequest, bounds: PeriodBounds, timezone: string): { ctes: Cte[]; rows: string } {
  const { dialect } = request;
  const q = dialect.quote;
  const { source } = plan;
  const id = source.id;
  const table = request.tables?.get(id) ?? q(id);
  const order = request.orderBy?.get(id);
  const name = (suffix: string): string => q(`${id}__${suffix}`);
  const text = plan.columns.map((c) => `${dialect.replaceAll(`CAST(${q(c)} AS ${dialect.textType})`, TRIM_PATTERN, '')} AS ${q(c)}`);
  const typed = plan.columns.map((c) => {
    const column = source.columns.get(c)!;
    try {
      return {
        name: c,
        sql: columnSql(column, {
          dialect,
          decimal: decimalOf(source, request),
          missingTokens: source.dialect.missingValues,
          timezone,
          dateFormat: source.dialect.dateFormat,
          timestampFormat: source.dialect.timestampFormat,
          ref: (suffix) => q(suffix === '' ? c : `${c}__${suffix}`),
        }),
      };
    } catch (error) {
      if (error instanceof SqlCompileError) throw new SqlCompileError(`${id}: ${error.message}`);
      throw error;
    }
  });
  const ctes: Cte[] = [];
  ctes.push({
    name: name('text'),
    comment: `${id}: the cells as trimmed text${order ? `, in load order (${order})` : ''}`,
    sql: `SELECT ${order ? q(order) : 'NULL'} AS _rmos_order, ${text.join(',\n    ')}\n  FROM ${table}`,
  });
  ctes.push({
    name: name('parts'),
    comment: `${id}: what each cell holds (missing, number, date parts)`,
    sql: `SELECT *,\n    ${typed.flatMap((t) => t.sql.prep.map(([suffix, sql]) => `${sql} AS ${q(`${t.name}__${suffix}`)}`)).join(',\n    ')}\n  FROM ${name('text')}`,
  });
  ctes.push({
    name: name('cells'),
    comment: `${id}: typed values (NULL when missing or invalid) and invalid flags, by rmos's value rules`,
    sql: `SELECT _rmos_order,\n    ${typed.flatMap((t) => [`${t.sql.value} AS ${q(t.name)}`, `${t.sql.invalid} AS ${q(`${t.name}__invalid`)}`]).join(',\n    ')}\n  FROM ${name('parts')}`,
  });
  // 0 out of the period, 1 in it, 2 unknown (time missing or invalid).
  const states = plan.timeColumns.map((c) => {
    const t = q(c);
    const inPeriod = source.columns.get(c)!.type === 'date' ? `${t} BETWEEN ${bounds.startDay} AND ${bounds.endDay}` : `${t} >= ${numberLiteral(bounds.fromMs)} AND ${t} < ${numberLiteral(bounds.untilMs)}`;
    return `CASE WHEN ${t} IS NULL THEN 2 WHEN ${inPeriod} THEN 1 ELSE 0 END AS ${q(`_rmos_state__${c}`)}`;
  });
  const inPlay = plan.timeColumns.map((c) => `${q(`_rmos_state__${c}`)} <> 0`).join(' OR ');
  ctes.push({
    name: name('rows'),
    comment: `${id}: where each row falls against the period`,
    sql: `SELECT *,\n    ${states.join(',\n    ')}\n  FROM ${name('cells')}`,
  });
  let duplicate = 'FALSE';
  if (source.key) {
    const key = q(source.key);
    const counted = `(${inPlay}) AND ${key} IS NOT NULL AND NOT ${q(`${source.key}__invalid`)}`;
    // The built-in engine keeps the first row of a key in file order, among rows some metric places in (or cannot place outside) the period.
    const ordering = order ? '_rmos_order' : `${q(source.timeColumn ?? plan.timeColumns[0]!)}`;
    duplicate = `CASE WHEN ${counted} AND ROW_NUMBER() OVER (PARTITION BY ${key}, CASE WHEN ${counted} THEN 1 ELSE 0 END ORDER BY ${ordering} NULLS LAST) > 1 THEN TRUE ELSE FALSE END`;
  }
  ctes.push({
    name: name('kept'),
    comment: source.key ? `${id}: repeats of a ${source.key} already seen are duplicates` : `${id}: no key, so no duplicates`,
    sql: `SELECT *,\n    ${duplicate} AS _rmos_duplicate\n  FROM ${name('rows')}`,
  });
  return { ctes, rows: name('kept') };
}

