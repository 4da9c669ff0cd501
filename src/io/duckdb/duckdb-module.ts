import { InputError, UsageError } from '../../errors.js';

export type DuckdbApi = typeof import('@duckdb/node-api');
export type DuckdbConnection = import('@duckdb/node-api').DuckDBConnection;

// A variable specifier: the bundler leaves the native module to be found at run time.
const MODULE = '@duckdb/node-api';

/** The DuckDB client, an optional dependency: a clear message when it is not installed. */
export async function loadDuckdb(): Promise<DuckdbApi> {
  try {
    return (await import(MODULE)) as DuckdbApi;
  } catch {
    throw new InputError(`the DuckDB engine needs the optional package ${MODULE}; install it with 'npm install ${MODULE}'`);
  }
}

/**
 * DuckDB's memory limit from RMOS_DUCKDB_MEMORY_LIMIT (e.g. 4GB, 500MB); DuckDB's own default
 * (80% of the machine's memory) when it is not set.
 */
function memoryLimit(env: NodeJS.ProcessEnv): Record<string, string> {
  const value = env.RMOS_DUCKDB_MEMORY_LIMIT?.trim();
  if (!value) return {};
  if (!/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value)) {
    throw new UsageError(`RMOS_DUCKDB_MEMORY_LIMIT=${value}: give an amount of memory such as 4GB or 500MB`);
  }
  return { memory_limit: value };
}

/** A fresh in-memory database, closed when `work` ends; DuckDB running out of memory is the user's to act on. */
export async function withDuckdb<T>(work: (connection: DuckdbConnection) => Promise<T>, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  const duckdb = await loadDuckdb();
  const instance = await duckdb.DuckDBInstance.create(':memory:', memoryLimit(env));
  const connection = await instance.connect();
  try {
    return await work(connection);
  } catch (error) {
    if (error instanceof Error && /^Out of Memory Error/.test(error.message)) {
      throw new InputError(
        `DuckDB ran out of memory (${error.message.split('\n')[0]!.replace(/^Out of Memory Error: /, '')}). The DuckDB engine holds every export's cells as text and each step of the SQL as a table: millions of rows need gigabytes (10M survey rows: ~14 GB). Leave out --engine duckdb (the built-in engine needed ~0.6 GB for the same rows), compute a shorter period, or raise RMOS_DUCKDB_MEMORY_LIMIT.`,
      );
    }
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Rows as plain objects; DuckDB integers (bigint) become numbers. */
export async function queryRows(connection: DuckdbConnection, sql: string): Promise<Record<string, unknown>[]> {
  const result = await connection.run(sql);
  const rows = await result.getRowObjectsJS();
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}
