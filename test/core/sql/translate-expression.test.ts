import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../src/core/sql/dialects/index.js';
import { numberLiteral, translateExpression } from '../../../src/core/sql/translate-expression.js';
import { parseExpression } from '../../../src/core/expression/parse-expression.js';
import type { ValueType } from '../../../src/core/expression/types.js';

const TYPES: Record<string, ValueType> = { score: 'number', status: 'string', is_test: 'boolean', opened_at: 'timestamp', solved_at: 'timestamp', day: 'date', first: 'date' };

function sql(text: string, dialect = DIALECTS.postgres): string {
  const parsed = parseExpression(text);
  if (!parsed.expr) throw new Error(parsed.issue!.message);
  return translateExpression(parsed.expr, { sql: (n) => dialect.quote(n), typeOf: (n) => TYPES[n]! }, dialect);
}

describe('rmos expressions as SQL', () => {
  it('comparisons, three-valued logic and text literals are native SQL', () => {
    expect(sql('score >= 9 and not is_test or status == "it\'s"')).toBe(`((("score" >= 9) AND (NOT "is_test")) OR ("status" = 'it''s'))`);
  });
  it('division is NULL on zero, as doubles where integers would truncate', () => {
    expect(sql('score / 4')).toBe('(CAST("score" AS DOUBLE PRECISION) / NULLIF(CAST(4 AS DOUBLE PRECISION), 0))');
    expect(sql('score / 4', DIALECTS.duckdb)).toBe('(("score") / NULLIF(4, 0))');
  });
  it('is_missing, if, min/max missing when any argument is, log natural, sqrt of a negative NULL', () => {
    expect(sql('is_missing(score)')).toBe('("score" IS NULL)');
    expect(sql('if(is_test, 1, 2)')).toBe('(CASE WHEN "is_test" THEN 1 ELSE 2 END)');
    expect(sql('min(score, 3)')).toBe('(CASE WHEN "score" IS NULL OR 3 IS NULL THEN NULL ELSE LEAST("score", 3) END)');
    expect(sql('log(score)')).toBe('(CASE WHEN "score" > 0 THEN LN("score") END)');
    expect(sql('sqrt(score)')).toBe('(CASE WHEN "score" >= 0 THEN SQRT("score") END)');
  });
  it('date differences in days; timestamps (epoch ms) divided into days', () => {
    expect(sql('day - first')).toBe('("day" - "first")');
    expect(sql('solved_at - opened_at')).toBe('(("solved_at" - "opened_at") / 86400000)');
  });
  it('round half away from zero through each engine\'s decimal type; identifiers quoted per dialect', () => {
    expect(sql('round(score, 2)')).toBe('CAST(ROUND(CAST("score" AS NUMERIC), 2) AS DOUBLE PRECISION)');
    expect(sql('round(score, 1)', DIALECTS.bigquery)).toBe('CAST(ROUND(CAST(`score` AS BIGNUMERIC), 1) AS FLOAT64)');
    expect(sql('status == "a\\\\b"', DIALECTS.spark)).toBe("(`status` = 'a\\\\b')");
  });
  it('number literals never use exponents SQL cannot read', () => {
    expect(numberLiteral(1e21)).toBe('1000000000000000000000');
    expect(numberLiteral(-0)).toBe('0');
    expect(numberLiteral(1.5e-7)).toBe('0.00000015');
    expect(numberLiteral(-2.5e22)).toBe('-25000000000000000000000');
    for (const x of [1.5e-7, 1e21, -2.5e22, 1.2345e-12]) expect(Number(numberLiteral(x))).toBe(x);
  });
});
