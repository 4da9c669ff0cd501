// DuckDB's time on SQL equivalent to rmos's nps, csat and ces over the generated export.
// Runs in a child process (this bundle with --duckdb-child) so that its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export interface Scores {
  nps: number;
  csat: number;
  ces: number;
  n: number;
  /** The same by region ('' for a blank region). */
  regions?: Record<string, Omit<Scores, 'regions'>>;
}

/**
 * rmos's rules in SQL, written by hand: blank and NA/N/A/null/- are missing, an integer may
 * be written 9.0, out-of-range or non-integer scores are invalid, is_test rows are excluded,
 * a row is in 2025 by its UTC date. With `dedupe`, a response_id repeated among the rows in
 * the period counts once, as rmos's `key: response_id` does (the first by submitted_at: the
 * generated ids are unique, so which one is kept does not change the figures, only the time).
 * Without it, DuckDB skips the work rmos does for the key: a lower bound on its time.
 */
function query(path: string, dedupe: boolean): string {
  const score = (column: string, lo: number, hi: number) =>
    `CASE WHEN TRY_CAST(trim(${column}) AS DOUBLE) BETWEEN ${lo} AND ${hi} AND TRY_CAST(trim(${column}) AS DOUBLE) = floor(TRY_CAST(trim(${column}) AS DOUBLE)) THEN TRY_CAST(trim(${column}) AS DOUBLE) END`;
  return `
    WITH raw AS (
      SELECT * FROM read_csv('${path.replaceAll("'", "''")}', header = true, all_varchar = true, quote = '"', escape = '"')
    ), in_period AS (
      SELECT * FROM raw
      WHERE CAST(TRY_CAST(submitted_at AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'
      ${dedupe ? "QUALIFY nullif(trim(response_id), '') IS NULL OR row_number() OVER (PARTITION BY trim(response_id) ORDER BY submitted_at) = 1" : ''}
    ), rows AS (
      SELECT nullif(trim(region), '') AS region, ${score('nps_score', 0, 10)} AS nps, ${score('csat_score', 1, 5)} AS csat, ${score('ces_score', 1, 7)} AS ces
      FROM in_period
      WHERE lower(trim(coalesce(is_test, ''))) NOT IN ('true', 'yes', 'y', 't', '1')
    )
    SELECT grouping(region) = 0 AS by_region, coalesce(region, '') AS region,
           100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps) AS nps,
           100.0 * count(*) FILTER (WHERE csat >= 4) / count(csat) AS csat,
           avg(ces) AS ces,
           count(nps) AS n
    FROM rows
    GROUP BY GROUPING SETS ((), (region))`;
}

export async function duckdbChild(path: string, dedupe: boolean): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const t = process.hrtime.bigint();
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(query(path, dedupe));
  const rows = reader.getRowObjectsJS();
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const scoresOf = (row: Record<string, unknown>) => ({ nps: Number(row.nps), csat: Number(row.csat), ces: Number(row.ces), n: Number(row.n) });
  const scores: Scores = scoresOf(rows.find((r) => !r.by_region)!);
  scores.regions = Object.fromEntries(rows.filter((r) => r.by_region).map((r) => [String(r.region), scoresOf(r)]));
  console.log(JSON.stringify({ seconds, scores }));
}

/** Null when @duckdb/node-api is not installed. */
export function duckdbFigures(bundle: string, path: string, dedupe: boolean): { seconds: number; peakKb: number; scores: Scores } | null {
  try {
    createRequire(bundle).resolve('@duckdb/node-api');
  } catch {
    return null;
  }
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bundle, '--duckdb-child', path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`duckdb run failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as { seconds: number; scores: Scores };
  return { ...result, peakKb: Number(run.stderr.trim().split('\n').pop()) };
}
