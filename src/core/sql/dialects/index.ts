import { bigquery } from './bigquery.js';
import type { DialectName, SqlDialect } from './dialect.js';
import { duckdb } from './duckdb.js';
import { postgres } from './postgres.js';
import { snowflake } from './snowflake.js';
import { spark } from './spark.js';
import { trino } from './trino.js';

export type { DialectName, SqlDialect } from './dialect.js';

export const DIALECTS: Readonly<Record<DialectName, SqlDialect>> = { duckdb, postgres, bigquery, snowflake, trino, spark };

export const DIALECT_NAMES = Object.keys(DIALECTS) as DialectName[];
