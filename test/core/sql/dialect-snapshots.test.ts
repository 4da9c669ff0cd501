import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeLibrary } from '../../../src/core/library/analyze-metric.js';
import { compileSql } from '../../../src/core/sql/compile-sql.js';
import { DIALECT_NAMES, DIALECTS } from '../../../src/core/sql/dialects/index.js';
import { renderSql } from '../../../src/core/sql/render-sql.js';
import { parametersOf, periodOf, ROOT, standardLibrary } from '../../sql/engines.js';

const FIXTURES = `${ROOT}test/fixtures/sql`;

/** Regenerate with UPDATE_SQL_FIXTURES=1 after a deliberate change, and review the diff. */
describe('compiled SQL per dialect (expected files in test/fixtures/sql)', () => {
  const library = standardLibrary();
  const analysis = analyzeLibrary(library);
  for (const name of DIALECT_NAMES) {
    it(`${name}: the standard library, 2025-Q3 by channel`, () => {
      const program = compileSql({
        analysis,
        metricIds: [...library.metrics.keys()],
        dimensions: ['channel'],
        period: periodOf('2025-Q3'),
        parameters: parametersOf(library),
        dialect: DIALECTS[name],
        orderBy: new Map([['survey_responses', 'loaded_at']]),
        tables: new Map([['spend', name === 'bigquery' ? '`finance.spend_export`' : 'finance.spend_export']]),
      });
      const sql = renderSql(program, program.metricsSelect, [`dialect ${name}`]);
      const file = `${FIXTURES}/standard-q3-by-channel.${name}.sql`;
      if (process.env.UPDATE_SQL_FIXTURES) writeFileSync(file, sql);
      expect(existsSync(file), `${file} is missing: run with UPDATE_SQL_FIXTURES=1`).toBe(true);
      expect(sql).toBe(readFileSync(file, 'utf8'));
      // What differs between dialects is where the modules say it is.
      const quoted = DIALECTS[name].quote('nps');
      expect(sql).toContain(`${quoted} AS (`);
      expect(sql.includes('FILTER (WHERE')).toBe(DIALECTS[name].filterClause);
      expect(sql).toContain('finance.spend_export');
    });
  }
  for (const name of ['bigquery', 'trino', 'spark'] as const) {
    it(`${name}: percentiles, medians and every function (case_shape)`, () => {
      const own = standardLibrary(`${ROOT}test/fixtures/sql/library`);
      const program = compileSql({ analysis: analyzeLibrary(own), metricIds: ['case_shape'], dimensions: ['region'], period: periodOf('2025-07'), parameters: parametersOf(own), dialect: DIALECTS[name] });
      const sql = renderSql(program, program.metricsSelect, [`dialect ${name}`]);
      const file = `${FIXTURES}/case-shape-2025-07-by-region.${name}.sql`;
      if (process.env.UPDATE_SQL_FIXTURES) writeFileSync(file, sql);
      expect(existsSync(file), `${file} is missing: run with UPDATE_SQL_FIXTURES=1`).toBe(true);
      expect(sql).toBe(readFileSync(file, 'utf8'));
      expect(sql).toContain(name === 'bigquery' ? 'ARRAY_AGG(' : name === 'trino' ? 'array_sort(array_agg(' : 'percentile(');
    });
  }
  it('the same request compiles to the same text twice', () => {
    const request = { analysis, metricIds: ['nps', 'romi'], dimensions: [], period: periodOf('2025-10'), parameters: parametersOf(library), dialect: DIALECTS.snowflake };
    expect(renderSql(compileSql(request), compileSql(request).metricsSelect)).toBe(renderSql(compileSql(request), compileSql(request).metricsSelect));
  });
});
