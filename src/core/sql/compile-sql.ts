import type { LibraryAnalysis } from '../library/analyze-metric.js';
import type { Aggregate } from '../library/types.js';
import type { Period } from '../periods/index.js';
import type { SqlDialect } from './dialects/index.js';
import { periodBounds } from './period-bounds.js';
import { planSql, type SqlTask } from './plan-sql.js';
import { sourceCtes } from './source-ctes.js';
import { numberLiteral, translateExpression } from './translate-expression.js';
import type { DecimalMark } from './value-patterns.js';
import { valueTypeOf } from '../expression/types.js';
import type { SqlScope } from './translate-expression.js';

export interface SqlCompileRequest {
  readonly analysis: LibraryAnalysis;
  readonly metricIds: readonly string[];
  readonly dimensions: readonly string[];
  readonly period: Period;
  readonly parameters: ReadonlyMap<string, number>;
  readonly dialect: SqlDialect;
  /** Source id → SQL that names its table (default: the quoted source id). */
  readonly tables?: ReadonlyMap<string, string>;
  /** Source id → column giving the rows' load order, so that the first copy of a duplicate wins. */
  readonly orderBy?: ReadonlyMap<string, string>;
  /** Source id → decimal mark of its text cells (default: the source's, '.' when auto). */
  readonly decimals?: ReadonlyMap<string, DecimalMark>;
}

export interface Cte {
  readonly name: string;
  readonly comment: string;
  readonly sql: string;
}

export interface CompiledMetric {
  readonly id: string;
  /** CTE with one row for the whole period (_rmos_segment 0) and one per segment (1). */
  readonly cte: string;
  readonly dimensions: readonly string[];
  readonly measures: readonly { readonly name: string; readonly aggregate: Aggregate }[];
}

export interface CompiledTask {
  readonly metricId: string;
  readonly sourceId: string;
  readonly cte: string;
  readonly exclusions: readonly string[];
}

export interface SqlProgram {
  readonly dialect: SqlDialect;
  readonly ctes: readonly Cte[];
  /** Every metric compiled, a metric after those its formula uses. */
  readonly metrics: readonly CompiledMetric[];
  /** The metrics asked for, in the order asked. */
  readonly requested: readonly string[];
  readonly tasks: readonly CompiledTask[];
  /** One row per metric and segment: metric, segment, dimensions, value, n, rows_used. */
  readonly metricsSelect: string;
  /** Rows of each metric and source by what happened to them (the built-in engine's accounting). */
  readonly accountingSelect: string;
}

export const SEGMENT = '_rmos_segment';
export const USED = '_rmos_used';
export const CLASS = '_rmos_class';

function columnScope(task: SqlTask, dialect: SqlDialect, prefix = ''): SqlScope {
  return { sql: (n) => `${prefix}${dialect.quote(n)}`, typeOf: (n) => valueTypeOf(task.source.columns.get(n)!.type) };
}

/** What happened to each row for one metric: the built-in engine's classification, in its order. */
function taskCte(task: SqlTask, rows: string, dialect: SqlDialect): Cte {
  const q = dialect.quote;
  const scope = columnScope(task, dialect);
  const state = q(`_rmos_state__${task.timeColumn}`);
  const branches = [`WHEN ${state} = 0 THEN 'out_of_period'`, `WHEN _rmos_duplicate THEN 'duplicate'`];
  for (const exclusion of task.exclusions) {
    branches.push(`WHEN ${translateExpression(exclusion.where, scope, dialect)} THEN ${dialect.string(`excluded:${exclusion.name}`)}`);
  }
  branches.push(`WHEN ${state} = 2 THEN CASE WHEN ${q(`${task.timeColumn}__invalid`)} THEN 'invalid' ELSE 'missing' END`);
  branches.push(`WHEN ${task.readColumns.map((c) => q(`${c}__invalid`)).join(' OR ')} THEN 'invalid'`);
  if (task.valueColumns.length > 0) branches.push(`WHEN ${task.valueColumns.map((c) => `${q(c)} IS NULL`).join(' AND ')} THEN 'missing'`);
  return {
    name: q(`${task.metricId}__${task.source.id}`),
    comment: `${task.metricId} on ${task.source.id}: out of period, duplicate, excluded, missing, invalid or used`,
    sql: `SELECT *,
    CASE ${branches.join('\n      ')}
      ELSE 'used' END AS ${CLASS}
  FROM ${rows}`,
  };
}

function dimensionText(task: SqlTask, dimension: string, dialect: SqlDialect): string {
  const column = dialect.quote(dimension);
  return task.source.columns.get(dimension)!.type === 'string' ? column : `CAST(${column} AS ${dialect.textType})`;
}

/** Measures as filtered aggregates over the used rows, for the whole period and per segment. */
function aggregateCte(task: SqlTask, dialect: SqlDialect, finishers: Map<string, (column: string) => string>): Cte {
  const q = dialect.quote;
  const scope = columnScope(task, dialect);
  const filtered = (fn: string, value: string, where: string | undefined, distinct = false): string => {
    const d = distinct ? 'DISTINCT ' : '';
    if (!where) return `${fn}(${d}${value})`;
    if (dialect.filterClause) return `${fn}(${d}${value}) FILTER (WHERE ${where})`;
    return `${fn}(${d}CASE WHEN ${where} THEN ${value === '*' ? '1' : value} END)`;
  };
  const columns: string[] = [];
  for (const { def, where } of task.measures) {
    const condition = where ? translateExpression(where, scope, dialect) : undefined;
    const value = def.column ? q(def.column) : '*';
    const alias = q(def.name);
    switch (def.aggregate) {
      case 'count':
        columns.push(`${filtered('COUNT', value, condition)} AS ${alias}`);
        break;
      case 'count_distinct':
        columns.push(`${filtered('COUNT', value, condition, true)} AS ${alias}`);
        break;
      case 'sum':
      case 'avg':
      case 'min':
      case 'max':
        columns.push(`${filtered(def.aggregate.toUpperCase(), value, condition)} AS ${alias}`);
        // The t interval needs the spread of an average, as the built-in engine's moments give it.
        if (def.aggregate === 'avg') columns.push(`${filtered('STDDEV_SAMP', value, condition)} AS ${q(`${def.name}__sd`)}`, `${filtered('COUNT', value, condition)} AS ${q(`${def.name}__n`)}`);
        break;
      case 'median':
      case 'percentile': {
        const p = def.aggregate === 'median' ? 0.5 : def.p ?? 0.5;
        const sql = dialect.percentile(value, p, condition);
        columns.push(`${sql.aggregate} AS ${alias}`);
        if (sql.finish) finishers.set(`${task.metricId}.${def.name}`, sql.finish);
        break;
      }
    }
  }
  columns.push(`COUNT(*) AS ${USED}`);
  const dims = task.dimensions.map((d) => dimensionText(task, d, dialect));
  const from = `FROM ${q(`${task.metricId}__${task.source.id}`)}\n  WHERE ${CLASS} = 'used'`;
  const sql =
    dims.length === 0
      ? `SELECT 0 AS ${SEGMENT},\n    ${columns.join(',\n    ')}\n  ${from}`
      : `SELECT CASE WHEN GROUPING(${dims[0]}) = 1 THEN 0 ELSE 1 END AS ${SEGMENT},\n    ${task.dimensions.map((d, i) => `${dims[i]} AS ${q(d)}`).join(', ')},\n    ${columns.join(',\n    ')}\n  ${from}\n  GROUP BY GROUPING SETS ((), (${dims.join(', ')}))`;
  return { name: q(`${task.metricId}__${task.source.id}__agg`), comment: `${task.metricId} on ${task.source.id}: measures over the used rows`, sql };
}

/** Null-safe equality on a dimension that a FULL OUTER JOIN can hash (PostgreSQL cannot hash IS NOT DISTINCT FROM). */
function sameDimension(a: string, b: string): string {
  return `COALESCE(${a}, '') = COALESCE(${b}, '') AND (${a} IS NULL) = (${b} IS NULL)`;
}

function metricCtes(id: string, request: SqlCompileRequest, tasks: readonly SqlTask[], finishers: Map<string, (column: string) => string>, compiled: Map<string, CompiledMetric>): Cte[] {
  const { dialect, analysis } = request;
  const q = dialect.quote;
  const analyzed = analysis.metrics.get(id)!;
  const { metric } = analyzed;
  const dims = tasks[0]!.dimensions;
  const aliases = tasks.map((_, i) => `s${i + 1}`);
  const first = (column: string): string => (aliases.length === 1 ? `${aliases[0]}.${column}` : `COALESCE(${aliases.map((a) => `${a}.${column}`).join(', ')})`);
  // Per-source aggregates meet on the segment: FULL OUTER JOIN keeps a segment that only one source has.
  let from = `${q(`${id}__${tasks[0]!.source.id}__agg`)} ${aliases[0]}`;
  for (let i = 1; i < tasks.length; i++) {
    const previous = aliases.slice(0, i);
    const earlier = (column: string): string => (previous.length === 1 ? `${previous[0]}.${column}` : `COALESCE(${previous.map((a) => `${a}.${column}`).join(', ')})`);
    const on = [`${earlier(SEGMENT)} = ${aliases[i]}.${SEGMENT}`, ...dims.map((d) => sameDimension(earlier(q(d)), `${aliases[i]}.${q(d)}`))];
    from += `\n  FULL OUTER JOIN ${q(`${id}__${tasks[i]!.source.id}__agg`)} ${aliases[i]} ON ${on.join(' AND ')}`;
  }
  const columns = [`${first(SEGMENT)} AS ${SEGMENT}`, ...dims.map((d) => `${first(q(d))} AS ${q(d)}`)];
  const measures: CompiledMetric['measures'][number][] = [];
  tasks.forEach((task, i) => {
    for (const { def } of task.measures) {
      const raw = `${aliases[i]}.${q(def.name)}`;
      const finish = finishers.get(`${id}.${def.name}`);
      const value = finish ? finish(raw) : raw;
      // A source with no rows in a segment counts 0 there, as in the built-in engine.
      columns.push(`${def.aggregate.startsWith('count') ? `COALESCE(${value}, 0)` : value} AS ${q(def.name)}`);
      if (def.aggregate === 'avg') columns.push(...['sd', 'n'].map((x) => `${aliases[i]}.${q(`${def.name}__${x}`)} AS ${q(`${def.name}__${x}`)}`));
      measures.push({ name: def.name, aggregate: def.aggregate });
    }
  });
  columns.push(`${tasks.map((_, i) => `COALESCE(${aliases[i]}.${USED}, 0)`).join(' + ')} AS ${USED}`);
  const measuresCte: Cte = { name: q(`${id}__measures`), comment: `${id}: measures${tasks.length > 1 ? ' of every source, joined on the segment' : ''}`, sql: `SELECT ${columns.join(',\n    ')}\n  FROM ${from}` };

  // The formula sees measures, parameters (as constants) and other metrics' values for the same segment.
  const joins: string[] = [];
  const refAlias = new Map<string, string>();
  analyzed.metricRefs.forEach((ref, i) => {
    const other = compiled.get(ref)!;
    const alias = `r${i + 1}`;
    refAlias.set(ref, alias);
    const on = [`${alias}.${SEGMENT} = m.${SEGMENT}`, ...(other.dimensions.length === dims.length && dims.length > 0 ? dims.map((d) => dialect.sameValue(`${alias}.${q(d)}`, `m.${q(d)}`)) : [])];
    joins.push(`LEFT JOIN ${other.cte} ${alias} ON ${on.join(' AND ')}`);
  });
  const scope: SqlScope = {
    sql: (n) => {
      if (metric.measures.has(n)) return `m.${q(n)}`;
      if (request.parameters.has(n)) return `CAST(${numberLiteral(request.parameters.get(n)!)} AS ${dialect.doubleType})`;
      return `${refAlias.get(n)!}.${q('value')}`;
    },
    typeOf: () => 'number',
  };
  const formula = translateExpression(analyzed.formula.expr!, scope, dialect);
  const sample = metric.sample ? `m.${q(metric.sample)}` : 'NULL';
  const valueCte: Cte = {
    name: q(id),
    comment: `${id} = ${metric.formula.replace(/\s+/g, ' ').trim()}`,
    sql: `SELECT m.*,\n    CAST(${formula} AS ${dialect.doubleType}) AS ${q('value')},\n    ${sample === 'NULL' ? `CAST(NULL AS ${dialect.intType})` : sample} AS ${q('n')}\n  FROM ${q(`${id}__measures`)} m${joins.map((j) => `\n  ${j}`).join('')}`,
  };
  compiled.set(id, { id, cte: q(id), dimensions: dims, measures });
  return [measuresCte, valueCte];
}

/** Compiles the metrics to one SQL program over the sources' tables of text cells. */
export function compileSql(request: SqlCompileRequest): SqlProgram {
  const { analysis, dialect } = request;
  const q = dialect.quote;
  const timezone = analysis.library.manifest.timezone;
  const plan = planSql(analysis, request.metricIds, request.dimensions);
  const bounds = periodBounds(request.period, timezone);
  const ctes: Cte[] = [];
  const rowsOf = new Map<string, string>();
  for (const source of plan.sources) {
    const built = sourceCtes(source, request, bounds, timezone);
    ctes.push(...built.ctes);
    rowsOf.set(source.source.id, built.rows);
  }
  const finishers = new Map<string, (column: string) => string>();
  const tasks: CompiledTask[] = [];
  for (const task of plan.tasks) {
    ctes.push(taskCte(task, rowsOf.get(task.source.id)!, dialect));
    ctes.push(aggregateCte(task, dialect, finishers));
    tasks.push({ metricId: task.metricId, sourceId: task.source.id, cte: q(`${task.metricId}__${task.source.id}`), exclusions: task.exclusions.map((e) => e.name) });
  }
  const compiled = new Map<string, CompiledMetric>();
  for (const id of plan.metricIds) {
    ctes.push(...metricCtes(id, request, plan.tasks.filter((t) => t.metricId === id), finishers, compiled));
  }
  const requested = request.metricIds.map((id) => compiled.get(id)!);
  const metricsSelect = requested
    .map((m) => {
      const dims = request.dimensions.map((d) => (m.dimensions.includes(d) ? `${q(d)}` : `CAST(NULL AS ${dialect.textType})`) + ` AS ${q(d)}`);
      return `SELECT ${dialect.string(m.id)} AS metric, ${SEGMENT} AS segment, ${[...dims, q('value'), q('n'), `${USED} AS rows_used`].join(', ')} FROM ${m.cte}`;
    })
    .join('\nUNION ALL\n');
  const accountingSelect = tasks
    .map((t) => `SELECT ${dialect.string(t.metricId)} AS metric, ${dialect.string(t.sourceId)} AS source, ${CLASS} AS class, COUNT(*) AS row_count FROM ${t.cte} GROUP BY ${CLASS}`)
    .join('\nUNION ALL\n');
  return {
    dialect,
    ctes,
    metrics: [...compiled.values()],
    requested: request.metricIds,
    tasks,
    metricsSelect: `${metricsSelect}\nORDER BY metric, segment${request.dimensions.map((d) => `, ${q(d)}`).join('')}`,
    accountingSelect: `${accountingSelect}\nORDER BY metric, source, class`,
  };
}
