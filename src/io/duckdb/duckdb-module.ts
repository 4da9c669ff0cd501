import { InputError } from '../../errors.js';

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

/** A fresh in-memory database, closed when `work` ends. */
export async function withDuckdb<T>(work: (connection: DuckdbConnection) => Promise<T>): Promise<T> {
  const duckdb = await loadDuckdb();
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await work(connection);
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
