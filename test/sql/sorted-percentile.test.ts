import { describe, expect, it } from 'vitest';
import { interpolateSorted } from '../../src/core/sql/dialects/dialect.js';
import { queryRows, withDuckdb } from '../../src/io/duckdb/duckdb-module.js';

// BigQuery and Trino have no exact percentile aggregate: their SQL sorts values into an array
// and interpolates. Run that interpolation in DuckDB (1-based lists too) against quantile_cont.
describe('percentile by interpolating a sorted array', () => {
  it('equals quantile_cont for several p and sizes, and is NULL for no values', async () => {
    const rows = await withDuckdb((c) =>
      queryRows(
        c,
        `WITH v(g, x) AS (VALUES (1, 5.0), (1, 1.0), (1, 3.0), (1, 10.0), (2, 7.0), (3, NULL)),
         a AS (SELECT g, list_sort(list(x) FILTER (WHERE x IS NOT NULL)) AS arr, quantile_cont(x, 0.9) AS q90, quantile_cont(x, 0.25) AS q25 FROM v GROUP BY g)
         SELECT g, q90, q25, ${interpolateSorted('arr', 0.9, (a, i) => `${a}[${i}]`, (a) => `len(${a})`, 'DOUBLE')} AS p90,
           ${interpolateSorted('arr', 0.25, (a, i) => `${a}[${i}]`, (a) => `len(${a})`, 'DOUBLE')} AS p25 FROM a ORDER BY g`,
      ),
    );
    expect(rows.map((r) => [r.p90, r.p25])).toEqual(rows.map((r) => [r.q90, r.q25]));
    expect(rows[0]!.p90).toBeCloseTo(8.5, 12);
    expect(rows[2]!.p90).toBeNull();
  });
});
