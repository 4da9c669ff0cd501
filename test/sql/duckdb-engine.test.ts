import { describe, expect, it } from 'vitest';
import { computeVariantsWithDuckdb, computeWithDuckdb } from '../../src/io/duckdb/compute-with-duckdb.js';
import { runCli } from '../cli/run-cli.js';
import { builtIn, EXAMPLES, expectSameMetrics, parametersOf, periodOf, standardLibrary } from './engines.js';


describe('computeWithDuckdb on the example exports', () => {
  for (const by of [[], ['region'], ['channel']]) {
    it(`2025-Q3${by.length ? ` by ${by.join(',')}` : ''}: every standard metric matches the built-in engine`, async () => {
      const library = standardLibrary();
      const metricIds = [...library.metrics.keys()];
      const expected = await builtIn({ data: EXAMPLES, period: '2025-Q3', by });
      const { results } = await computeWithDuckdb({ library, metricIds, by, periods: [periodOf('2025-Q3')], parameters: parametersOf(library), data: EXAMPLES, sources: new Map() });
      expectSameMetrics(results[0]!, expected);
      if (by.length > 0) expect(results[0]!.find((m) => m.id === 'nps')!.segments.length).toBeGreaterThan(2);
    });
  }

  it('computeVariantsWithDuckdb: several periods in one load, each as the built-in engine computes it', async () => {
    const library = standardLibrary();
    const metricIds = ['nps', 'romi'];
    const outcome = await computeVariantsWithDuckdb([{ library, metricIds, by: [], periods: [periodOf('2025-Q2'), periodOf('2025-10')], parameters: parametersOf(library) }], { data: EXAMPLES, sources: new Map() });
    expectSameMetrics(outcome.results[0]![0]!, await builtIn({ data: EXAMPLES, period: '2025-Q2', metrics: metricIds }));
    expectSameMetrics(outcome.results[0]![1]!, await builtIn({ data: EXAMPLES, period: '2025-10', metrics: metricIds }));
    expect(outcome.inputs.map((i) => i.source)).toEqual(['opportunities', 'spend', 'survey_responses']);
    expect(outcome.inputs.find((i) => i.source === 'survey_responses')!.files).toHaveLength(18);
  });
});

describe('rmos compute --engine duckdb when DuckDB lacks memory', () => {
  const args = ['compute', 'metrics', '--engine', 'duckdb', '--data', 'examples/data', '--period', '2025-Q3', '--format', 'json'];

  it('ends with a sentence saying what to do, exit 2, not an internal error', () => {
    const result = runCli(args, { env: { RMOS_DUCKDB_MEMORY_LIMIT: '10MB' } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^rmos: DuckDB ran out of memory \(could not allocate .*\)\. .*Leave out --engine duckdb .*RMOS_DUCKDB_MEMORY_LIMIT\.\n$/);
  });

  it('refuses a memory limit that is not an amount of memory', () => {
    const result = runCli(args, { env: { RMOS_DUCKDB_MEMORY_LIMIT: 'lots' } });
    expect([result.code, result.stderr]).toEqual([2, 'rmos: RMOS_DUCKDB_MEMORY_LIMIT=lots: give an amount of memory such as 4GB or 500MB\n']);
  });

  it('computes within a limit that is enough', () => {
    const limited = runCli(args, { env: { RMOS_DUCKDB_MEMORY_LIMIT: '1GB' } });
    expect(limited.code).toBe(0);
    expect(JSON.parse(limited.stdout).metrics.length).toBeGreaterThan(3);
  });
});
