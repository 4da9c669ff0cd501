import type { MetricResult } from '../../core/compute/result-types.js';
import { analyzeLibrary } from '../../core/library/analyze-metric.js';
import type { Library } from '../../core/library/types.js';
import { parsePeriod, type Period } from '../../core/periods/index.js';
import { compileSql } from '../../core/sql/compile-sql.js';
import { DIALECTS } from '../../core/sql/dialects/index.js';
import { planSql } from '../../core/sql/plan-sql.js';
import { metricResultsFromSql, type SqlRow } from '../../core/sql/sql-results.js';
import type { DecimalMark } from '../../core/sql/value-patterns.js';
import { InputError, UsageError } from '../../errors.js';
import type { DataSpec, InputFiles, Variant, VariantsOutcome } from '../compute/compute-variants.js';
import { displayPath } from '../compute/display-path.js';
import { checkDataDir, filesAt, findSourceFiles } from '../data/find-source-files.js';
import { sha256File } from '../data/hash-file.js';
import { queryRows, withDuckdb } from './duckdb-module.js';
import { loadTextTable, ROW_ORDER_COLUMN } from './load-text-tables.js';
import { readTextTable } from './read-text-tables.js';

export interface DuckdbComputeRequest {
  /** The library as loaded (and lint-clean). */
  readonly library: Library;
  readonly metricIds: readonly string[];
  readonly by: readonly string[];
  readonly periods: readonly Period[];
  readonly parameters: ReadonlyMap<string, number>;
  readonly data?: string;
  readonly sources: ReadonlyMap<string, string>;
}

export interface DuckdbComputeOutcome {
  /** For each period, the requested metrics, shaped as the built-in engine's. */
  readonly results: readonly (readonly MetricResult[])[];
  readonly inputs: readonly InputFiles[];
  readonly duplicates: number;
}

function sourceFiles(request: DuckdbComputeRequest, id: string, readers: readonly string[]): string[] {
  const given = request.sources.get(id);
  const files = given !== undefined ? filesAt(given, id) : request.data !== undefined ? findSourceFiles(request.data, id) : [];
  if (files.length > 0) return files;
  const where = request.data !== undefined ? `in ${request.data} (looked for ${id}.csv, ${id}*.csv, ${id}*.csv.gz and ${id}/)` : 'because neither --data nor --source was given';
  throw new InputError(`no export for the source '${id}' ${where}; ${readers.join(', ')} ${readers.length === 1 ? 'needs' : 'need'} it`);
}

/**
 * Computes metrics with DuckDB running the SQL that `rmos compile --dialect duckdb` prints:
 * the exports are read with rmos's CSV reader into text tables (one per source, with the
 * file order as a row number), and the compiled SQL does the typing, the period, the
 * duplicates, exclusions, measures and formulas. Intervals, targets and statuses are then
 * worked out from the SQL's measures exactly as the built-in engine does.
 */
export async function computeWithDuckdb(request: DuckdbComputeRequest): Promise<DuckdbComputeOutcome> {
  if (request.data !== undefined) checkDataDir(request.data);
  const analysis = analyzeLibrary(request.library);
  const plan = planSql(analysis, request.metricIds, request.by);
  return withDuckdb(async (connection) => {
    const decimals = new Map<string, DecimalMark>();
    const inputs: InputFiles[] = [];
    for (const sourcePlan of plan.sources) {
      const id = sourcePlan.source.id;
      const files = sourceFiles(request, id, [...new Set(sourcePlan.tasks.map((t) => t.metricId))]);
      const table = await readTextTable(sourcePlan, files);
      await loadTextTable(connection, table);
      decimals.set(id, table.decimal);
      inputs.push({ source: id, files: await Promise.all(table.files.map(async (f, i) => ({ path: displayPath(f.path), sha256: await sha256File(files[i]!), rows: f.rows }))) });
    }
    const orderBy = new Map(plan.sources.map((s) => [s.source.id, ROW_ORDER_COLUMN]));
    const fiscalYearStartMonth = request.library.manifest.fiscalYearStartMonth;
    const periodOf = (label: string): Period | undefined => {
      const parsed = parsePeriod(label, { fiscalYearStartMonth });
      return 'error' in parsed ? undefined : parsed;
    };
    const results: MetricResult[][] = [];
    let duplicates = 0;
    for (const [index, period] of request.periods.entries()) {
      const program = compileSql({ analysis, metricIds: request.metricIds, dimensions: request.by, period, parameters: request.parameters, dialect: DIALECTS.duckdb, orderBy, decimals });
      // Each step once, as a table: DuckDB would otherwise recompute shared CTEs for every query.
      for (const cte of program.ctes) await connection.run(`CREATE OR REPLACE TEMP TABLE ${cte.name} AS ${cte.sql}`);
      const metrics = new Map<string, SqlRow[]>();
      for (const metric of program.metrics) metrics.set(metric.id, await queryRows(connection, `SELECT * FROM ${metric.cte}`));
      const accounting = await queryRows(connection, program.accountingSelect);
      if (index === 0) {
        // Each source's duplicates once, as the built-in engine reports them.
        const perSource = new Map<string, number>();
        for (const row of accounting) if (row.class === 'duplicate') perSource.set(String(row.source), Math.max(perSource.get(String(row.source)) ?? 0, Number(row.row_count)));
        duplicates = [...perSource.values()].reduce((a, b) => a + b, 0);
      }
      results.push(metricResultsFromSql({ analysis, program, period, parameters: request.parameters, periodOf }, { metrics, accounting }));
    }
    return { results, inputs, duplicates };
  });
}

/**
 * computeVariants' signature for one library version, so `rmos compute --engine duckdb`
 * can call it in place of the built-in engine (several versions, as `rmos diff` computes, are not supported).
 */
export async function computeVariantsWithDuckdb(variants: readonly Variant[], spec: DataSpec): Promise<VariantsOutcome> {
  if (variants.length !== 1) throw new UsageError('the DuckDB engine computes one library version at a time');
  const [variant] = variants as [Variant];
  const outcome = await computeWithDuckdb({ ...variant, data: spec.data, sources: spec.sources });
  return { results: [outcome.results], inputs: outcome.inputs, duplicates: outcome.duplicates };
}
