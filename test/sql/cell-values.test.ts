import { describe, expect, it } from 'vitest';
import type { ColumnDef, ColumnType } from '../../src/core/library/types.js';
import { columnSql } from '../../src/core/sql/cell-sql.js';
import { DIALECTS } from '../../src/core/sql/dialects/index.js';
import { TRIM_PATTERN, type DecimalMark } from '../../src/core/sql/value-patterns.js';
import { isInvalid, makeValueParser } from '../../src/core/values/index.js';
import { queryRows, withDuckdb } from '../../src/io/duckdb/duckdb-module.js';

const CELLS: Record<string, readonly string[]> = {
  integer: ['9', ' 9 ', '9.0', '9.00', '9.5', 'nine', '11', '-3', '+4', '1,234', '1,23', '0,123', '1e3', 'NA', 'n/a', '-', 'NULL', '', '007', '12 345', "1'000", '9007199254740993', '−2', '.0', '5.'],
  number: ['1.5', '-0.25', '1e3', '2.5E-2', '1,234.5', '1.234,5', 'abc', '.5', '1,2345', '  3.75  ', 'N/A'],
  currency: ['$1,234.50', '-$5', '$-5', '(1,234.00)', '($5)', '$(5)', '1.234,56 €', 'EUR 12', '12USD', 'US$ 5', '$ 5', '-(5)', '€5€', '12,500.00', '$12,500.00', '5 EURO', 'abc', '(5) €', '-', '1 234,50 €'],
  percent: ['45%', '45 %', '0.45', '-5%', '%', '1,5%'],
  boolean: ['true', 'FALSE', 'yes', 'No', 'Y', 'n', 'T', 'f', '1', '0', 'maybe', 'NA', ' true '],
  date: ['2025-07-03', '2025-02-29', '2024-02-29', '2025-13-01', '2025-04-31', '2025-7-3', '2025-07-03T10:00', 'NA', '0001-01-01'],
  timestamp: [
    '2025-07-03T14:22:05Z', '2025-07-03 14:22:05', '2025-07-03t14:22', '2025-07-03', '2025-07-31T23:00:05-03:00', '2025-07-01T00:43:41+01:00',
    '2025-07-03 14:22:05 +02:00', '2025-07-03T14:22:05.123456Z', '2025-07-03T14:22:05,5+0530', '2025-07-03T14:22:05 UTC', '2025-07-03T24:00', '2025-07-03T14:60',
    '2025-07-03T14:22:05+24:00', '2025-07-03T14:22:05−02', '2025-07-03Z', '2025-07-03 UTC', '03/07/2025', 'null', '2025-02-30T00:00:00Z',
  ],
  string: ['EMEA', ' NA ', 'NA', '', 'n/a'],
};

function column(type: ColumnType, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { name: 'c', type, required: false, aliases: [], ...extra };
}

async function sqlValues(def: ColumnDef, cells: readonly string[], decimal: DecimalMark, timezone = 'UTC'): Promise<{ value: unknown; invalid: unknown }[]> {
  const d = DIALECTS.duckdb;
  const typed = columnSql(def, { dialect: d, decimal, timezone, ref: (s) => d.quote(s === '' ? 'c' : `c__${s}`) });
  const values = cells.map((c) => `(${cells.indexOf(c)}, ${d.string(c)})`).join(', ');
  const sql = `WITH raw(i, c) AS (VALUES ${values}),
    text AS (SELECT i, ${d.replaceAll('c', TRIM_PATTERN, '')} AS c FROM raw),
    parts AS (SELECT *, ${typed.prep.map(([s, sql]) => `${sql} AS ${d.quote(`c__${s}`)}`).join(', ')} FROM text)
    SELECT i, ${typed.value} AS value, ${typed.invalid} AS invalid FROM parts ORDER BY i`;
  return withDuckdb((connection) => queryRows(connection, sql)) as Promise<{ value: unknown; invalid: unknown }[]>;
}

/** What the built-in engine makes of a cell: its value (dates as epoch days, timestamps as epoch ms) or invalid. */
function rmosValue(def: ColumnDef, cell: string, decimal: DecimalMark, timezone = 'UTC'): { value: unknown; invalid: boolean } {
  const parse = makeValueParser({ type: def.type, decimal, min: def.min, max: def.max, values: def.values, missingTokens: def.type === 'string' ? [] : undefined, timezone });
  const parsed = parse(cell);
  return isInvalid(parsed) ? { value: null, invalid: true } : { value: parsed, invalid: false };
}

describe('cells typed in SQL by rmos value rules (run in DuckDB)', () => {
  const cases: [string, ColumnDef, DecimalMark, string?][] = [
    ['integer 0..10', column('integer', { min: 0, max: 10 }), '.'],
    ['integer', column('integer'), '.'],
    ['number', column('number'), '.'],
    ['number, decimal comma', column('number'), ','],
    ['currency', column('currency'), '.'],
    ['currency, decimal comma', column('currency'), ','],
    ['percent', column('percent'), '.'],
    ['boolean', column('boolean'), '.'],
    ['date', column('date'), '.'],
    ['timestamp', column('timestamp'), '.'],
    ['timestamp in Europe/Berlin', column('timestamp'), '.', 'Europe/Berlin'],
    ['string with allowed values', column('string', { values: ['EMEA', 'NA'] }), '.'],
  ];
  for (const [label, def, decimal, timezone] of cases) {
    it(`${label}: same value or invalid as the built-in engine for every cell`, async () => {
      const cells = CELLS[def.type]!.concat(def.type === 'integer' ? CELLS.currency!.slice(0, 3) : []);
      const rows = await sqlValues(def, cells, decimal, timezone);
      const mismatches = cells.flatMap((cell, i) => {
        const expected = rmosValue(def, cell, decimal, timezone);
        const got = { value: rows[i]!.value ?? null, invalid: rows[i]!.invalid === true };
        const same = got.invalid === expected.invalid && (typeof expected.value === 'number' && typeof got.value === 'number' ? Math.abs(got.value - expected.value) <= 1e-9 * Math.max(1, Math.abs(expected.value)) : got.value === expected.value);
        return same ? [] : [`${JSON.stringify(cell)}: SQL ${JSON.stringify(got)}, rmos ${JSON.stringify(expected)}`];
      });
      expect(mismatches).toEqual([]);
    });
  }
});
