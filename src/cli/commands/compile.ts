import { analyzeLibrary } from '../../core/library/analyze-metric.js';
import { compileSql } from '../../core/sql/compile-sql.js';
import { SqlCompileError } from '../../core/sql/cell-sql.js';
import { DIALECTS, DIALECT_NAMES, type DialectName } from '../../core/sql/dialects/index.js';
import { renderSql } from '../../core/sql/render-sql.js';
import type { DecimalMark } from '../../core/sql/value-patterns.js';
import { isoFromDay } from '../../core/periods/index.js';
import { loadAnnotatedLibrary, resolveParameters, resolvePeriod, segmentNotes, selectMetrics } from '../../io/compute/run-compute.js';
import { duckdbCsvTables } from '../../io/duckdb/duckdb-csv-tables.js';
import { InputError, UsageError, type CommandResult } from '../errors.js';
import { parseParams, splitList, splitPairs } from './compute.js';

export interface CompileOptions {
  readonly dialect: string;
  readonly metrics?: readonly string[];
  readonly by: readonly string[];
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  readonly table: readonly string[];
  readonly orderBy: readonly string[];
  readonly decimal: readonly string[];
  readonly param: readonly string[];
  readonly data?: string;
  readonly accounting?: boolean;
}

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)*$/;

function checkSources(flag: string, pairs: ReadonlyMap<string, string>, known: ReadonlyMap<string, unknown>): void {
  for (const name of pairs.keys()) {
    if (!known.has(name)) throw new UsageError(`${flag} ${name}=...: the library has no source '${name}'; it has ${[...known.keys()].join(', ')}`);
  }
}

/** `rmos compile`: the library's metrics as one SQL statement for a warehouse engine. */
export async function compileCommand(lib: string, options: CompileOptions): Promise<CommandResult> {
  if (!DIALECT_NAMES.includes(options.dialect as DialectName)) throw new UsageError(`unknown dialect '${options.dialect}'; use one of ${DIALECT_NAMES.join(', ')}`);
  const dialect = DIALECTS[options.dialect as DialectName];
  if (options.data !== undefined && dialect.name !== 'duckdb') throw new UsageError('--data reads CSV files with DuckDB\'s read_csv: use it with --dialect duckdb, or load the exports into tables');
  const { library } = await loadAnnotatedLibrary(lib);
  const period = resolvePeriod(options, library.manifest.fiscalYearStartMonth);
  const metricIds = selectMetrics(library, options.metrics ? splitList(options.metrics) : undefined);
  const by = splitList(options.by);
  const notes = segmentNotes(library, metricIds, by);
  const overrides = parseParams(options.param);
  const parameters = resolveParameters(library, overrides);

  const tableNames = splitPairs('--table', options.table);
  const orderBy = splitPairs('--order-by', options.orderBy);
  const decimalPairs = splitPairs('--decimal', options.decimal);
  checkSources('--table', tableNames, library.sources);
  checkSources('--order-by', orderBy, library.sources);
  checkSources('--decimal', decimalPairs, library.sources);
  const decimals = new Map<string, DecimalMark>();
  for (const [source, mark] of decimalPairs) {
    if (mark !== '.' && mark !== ',') throw new UsageError(`--decimal ${source}=${mark}: the decimal mark is . or ,`);
    decimals.set(source, mark);
  }
  // A plain (dotted) name is quoted part by part; anything else is the user's own SQL.
  const tables = new Map([...tableNames].map(([source, name]) => [source, SIMPLE_NAME.test(name) ? name.split('.').map(dialect.quote).join('.') : name]));
  const analysis = analyzeLibrary(library);
  if (options.data !== undefined) {
    const fromCsv = await duckdbCsvTables(analysis, metricIds, by, options.data);
    for (const [source, sql] of fromCsv.tables) if (!tables.has(source)) tables.set(source, sql);
    for (const [source, mark] of fromCsv.decimals) if (!decimals.has(source)) decimals.set(source, mark);
    for (const [source, column] of fromCsv.orderBy) if (!orderBy.has(source)) orderBy.set(source, column);
  }

  let program;
  try {
    program = compileSql({ analysis, metricIds, dimensions: by, period, parameters, dialect, tables, orderBy, decimals });
  } catch (error) {
    if (error instanceof SqlCompileError) throw new InputError(error.message);
    throw error;
  }
  const header = [
    `rmos compile: library ${library.manifest.name}, metrics ${metricIds.join(', ')}${by.length ? `, by ${by.join(', ')}` : ''}`,
    `period ${period.label} (${isoFromDay(period.start)} to ${isoFromDay(period.end)}, time zone ${library.manifest.timezone}), dialect ${dialect.name}`,
    `parameters: ${[...parameters].map(([k, v]) => `${k}=${v}`).join(', ') || 'none'}`,
    'Each source is a table of the export\'s cells as text, with the canonical column names (see docs/sql.md).',
  ];
  const unordered = program.tasks.map((t) => t.sourceId).filter((id, i, all) => all.indexOf(id) === i && library.sources.get(id)!.key !== undefined && !orderBy.has(id));
  if (unordered.length > 0) header.push(`No --order-by for ${unordered.join(', ')}: of rows repeating a key, the earliest by time column counts (rmos keeps the first in file order).`);
  const sql = renderSql(program, options.accounting ? program.accountingSelect : program.metricsSelect, header);
  return { exitCode: 0, stdout: sql, stderr: notes.map((n) => `note: ${n}\n`).join('') };
}
