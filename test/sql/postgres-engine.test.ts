import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSql } from '../../src/core/sql/compile-sql.js';
import { DIALECTS } from '../../src/core/sql/dialects/index.js';
import { planSql } from '../../src/core/sql/plan-sql.js';
import { metricResultsFromSql, type SqlRow } from '../../src/core/sql/sql-results.js';
import type { DecimalMark } from '../../src/core/sql/value-patterns.js';
import { findSourceFiles } from '../../src/io/data/find-source-files.js';
import { readTextTable } from '../../src/io/duckdb/read-text-tables.js';
import { analysisOf, builtIn, EXAMPLES, expectSameMetrics, parametersOf, periodOf, standardLibrary } from './engines.js';
import { psql, startPostgres, type Postgres } from './postgres-server.js';

const started = startPostgres();
const unavailable = 'unavailable' in started ? started.unavailable : undefined;
if (unavailable && process.env.CI) {
  // In CI a missing server is a broken set-up, not a reason to skip.
  describe('PostgreSQL', () => {
    it('is available in CI (.ci/run installs and starts it)', () => {
      expect.fail(`PostgreSQL is required when CI is set: ${unavailable}`);
    });
  });
} else if (unavailable) {
  describe.skip(`compiled SQL on PostgreSQL (skipped: ${unavailable}; install PostgreSQL or set PGHOST/PGPORT)`, () => {
    it('runs', () => undefined);
  });
} else {
  const server = started as Postgres;
  const library = standardLibrary();
  const analysis = analysisOf(library);
  const metricIds = [...library.metrics.keys()];
  const decimals = new Map<string, DecimalMark>();
  const schema = `rmos_test_${process.pid}`;
  const csvString = (cell: string | null): string => (cell === null ? '' : `"${cell.replace(/"/g, '""')}"`);

  beforeAll(async () => {
    // The exports as rmos reads them (headers matched, BOM, gzip and quoting undone), cells kept as text.
    const dir = mkdtempSync(join(tmpdir(), 'rmos-pg-data-'));
    const statements = [`DROP SCHEMA IF EXISTS ${schema} CASCADE;`, `CREATE SCHEMA ${schema};`, `SET search_path = ${schema};`];
    // Every column any of the runs below reads.
    const plans = [[], ['region'], ['channel']].flatMap((by) => planSql(analysis, metricIds, by).sources);
    for (const source of plans) {
      if (decimals.has(source.source.id)) continue;
      const columns = [...new Set(plans.filter((p) => p.source.id === source.source.id).flatMap((p) => p.columns))];
      const table = await readTextTable({ ...source, columns }, findSourceFiles(EXAMPLES, source.source.id));
      decimals.set(source.source.id, table.decimal);
      const file = join(dir, `${source.source.id}.csv`);
      const lines = [['_rmos_row', ...table.columns].join(','), ...table.rows.map((row, i) => [String(i + 1), ...row.map(csvString)].join(','))];
      writeFileSync(file, `${lines.join('\n')}\n`);
      statements.push(`CREATE TABLE "${source.source.id}" (_rmos_row BIGINT, ${table.columns.map((c) => `"${c}" TEXT`).join(', ')});`);
      statements.push(`\\copy "${source.source.id}" FROM '${file}' WITH (FORMAT csv, HEADER true)`);
    }
    psql(server, statements.join('\n'));
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  afterAll(() => server.stop());

  describe('compiled SQL on PostgreSQL, example exports', () => {
    for (const by of [[], ['region'], ['channel']]) {
      it(`2025-Q3${by.length ? ` by ${by.join(',')}` : ''}: every standard metric matches the built-in engine`, async () => {
        const period = periodOf('2025-Q3');
        const program = compileSql({ analysis, metricIds, dimensions: by, period, parameters: parametersOf(library), dialect: DIALECTS.postgres, orderBy: new Map([...decimals.keys()].map((s) => [s, '_rmos_row'])), decimals });
        const script = [
          `SET search_path = ${schema};`,
          ...program.ctes.map((cte) => `CREATE TEMP TABLE ${cte.name} AS ${cte.sql};`),
          ...program.metrics.map((m) => `SELECT COALESCE(jsonb_agg(t), '[]')::text FROM (SELECT * FROM ${m.cte}) t;`),
          `SELECT COALESCE(jsonb_agg(t), '[]')::text FROM (${program.accountingSelect}) t;`,
        ].join('\n');
        // Only the JSON lines: psql also echoes the command tags of the CREATE statements.
        const lines = psql(server, script).filter((line) => line.startsWith('['));
        expect(lines).toHaveLength(program.metrics.length + 1);
        const metrics = new Map<string, SqlRow[]>(program.metrics.map((m, i) => [m.id, JSON.parse(lines[i]!) as SqlRow[]]));
        const accounting = JSON.parse(lines.at(-1)!) as SqlRow[];
        const actual = metricResultsFromSql({ analysis, program, period, parameters: parametersOf(library), periodOf }, { metrics, accounting });
        expectSameMetrics(actual, await builtIn({ data: EXAMPLES, period: '2025-Q3', by }));
      });
    }
  });
}
