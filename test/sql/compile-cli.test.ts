import { describe, expect, it } from 'vitest';
import { queryRows, withDuckdb } from '../../src/io/duckdb/duckdb-module.js';
import { runCli } from '../cli/run-cli.js';

describe('rmos compile (CLI)', () => {
  it('--dialect duckdb --data: the printed SQL, run by DuckDB, gives rmos compute --format json values', async () => {
    const compiled = runCli(['compile', 'metrics', '--dialect', 'duckdb', '--period', '2025-Q3', '--by', 'region', '--data', 'examples/data']);
    expect(compiled.stderr).toContain('note: romi is not segmented');
    expect(compiled.code).toBe(0);
    expect(compiled.stdout.split('\n')[0]).toBe('-- rmos compile: library standard, metrics cac_payback, ces, csat, fcr, nps, romi, by region');
    const report = runCli(['compute', 'metrics', '--data', 'examples/data', '--period', '2025-Q3', '--by', 'region', '--format', 'json']);
    expect(report.code).toBe(0);
    const metrics = (JSON.parse(report.stdout) as { metrics: { id: string; value: number; n: number | null; segments: { dimensions: { region: string }; value: number }[] }[] }).metrics;
    const rows = await withDuckdb((c) => queryRows(c, compiled.stdout));
    for (const m of metrics) {
      const overall = rows.find((r) => r.metric === m.id && r.segment === 0)!;
      expect(Math.abs((overall.value as number) - m.value) / Math.abs(m.value), m.id).toBeLessThanOrEqual(1e-9);
      expect(overall.n ?? null).toBe(m.n);
      for (const s of m.segments) {
        const row = rows.find((r) => r.metric === m.id && r.segment === 1 && r.region === s.dimensions.region)!;
        expect(Math.abs((row.value as number) - s.value) / Math.abs(s.value), `${m.id} ${s.dimensions.region}`).toBeLessThanOrEqual(1e-9);
      }
    }
  });

  it('--accounting prints the row accounting query; --table and --order-by name the warehouse objects', () => {
    const result = runCli(['compile', 'metrics', '--dialect', 'snowflake', '--metrics', 'nps', '--period', '2025-10', '--table', 'survey_responses=raw.cx.survey', '--order-by', 'survey_responses=loaded_at', '--accounting']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('FROM "raw"."cx"."survey"');
    expect(result.stdout).toContain('SELECT "loaded_at" AS _rmos_order');
    expect(result.stdout).toMatch(/SELECT 'nps' AS metric, 'survey_responses' AS source, _rmos_class AS class, COUNT\(\*\) AS row_count FROM "nps__survey_responses" GROUP BY _rmos_class\nORDER BY metric, source, class;\n$/);
  });

  it('usage errors exit 2 with a sentence: unknown dialect, unknown source, --data without duckdb', () => {
    const dialect = runCli(['compile', 'metrics', '--dialect', 'oracle', '--period', '2025-Q3']);
    expect(dialect.code).toBe(2);
    expect(dialect.stderr).toContain('oracle');
    const source = runCli(['compile', 'metrics', '--dialect', 'postgres', '--period', '2025-Q3', '--table', 'surveys=x']);
    expect(source.code).toBe(2);
    expect(source.stderr).toContain("--table surveys=...: the library has no source 'surveys'");
    const data = runCli(['compile', 'metrics', '--dialect', 'trino', '--period', '2025-Q3', '--data', 'examples/data']);
    expect(data.code).toBe(2);
    expect(data.stderr).toContain('--data reads CSV files with DuckDB');
  });
});
