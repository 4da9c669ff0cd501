import { describe, expect, it } from 'vitest';
import { checkExpression, type CheckScope, type NameInfo } from '../../../src/core/expression/check-expression.js';
import { compileCondition, compileExpression } from '../../../src/core/expression/compile-expression.js';
import { parseExpression } from '../../../src/core/expression/parse-expression.js';
import type { Expr } from '../../../src/core/expression/ast.js';

const NAMES: Record<string, NameInfo> = {
  nps_score: { kind: 'column', type: 'number' },
  region: { kind: 'column', type: 'string' },
  is_test: { kind: 'column', type: 'boolean' },
  opened_at: { kind: 'column', type: 'timestamp' },
  solved_at: { kind: 'column', type: 'timestamp' },
  day: { kind: 'column', type: 'date' },
};
const ORDER = Object.keys(NAMES);

const scope: CheckScope = {
  role: 'row condition',
  lookup: (name) => NAMES[name],
  candidates: () => ORDER,
};

function parsed(text: string): Expr {
  const result = parseExpression(text);
  if (!result.expr) throw new Error(result.issue!.message);
  return result.expr;
}

function issues(text: string) {
  const result = parseExpression(text);
  if (result.issue) return [result.issue];
  return checkExpression(result.expr!, scope).issues;
}

const ctx = { slot: (name: string) => ORDER.indexOf(name), typeOf: (name: string) => NAMES[name]!.type };

function evaluate(text: string, values: Record<string, number | string | boolean | null>) {
  const compiled = compileExpression(parsed(text), ctx);
  const row = ORDER.map((name) => values[name] ?? null);
  return { value: compiled.evaluate(row), reason: compiled.reason() };
}

describe('parseExpression', () => {
  it('points a syntax error at the offending character', () => {
    const result = parseExpression('nps_score >= ');
    expect(result.issue?.code).toBe('expression-syntax');
    expect(result.issue?.message).toMatch(/^syntax error: /);
  });

  it('refuses assignment, property access, implicit multiplication and blocks', () => {
    expect(parseExpression('x = 1').issue?.message).toMatch(/assignment/);
    expect(parseExpression('cos.constructor').issue?.message).toMatch(/property access/);
    expect(parseExpression('2 nps_score').issue?.message).toMatch(/write the operator explicitly/);
    expect(parseExpression('a; b').issue?.message).toMatch(/several expressions/);
    expect(parseExpression('[1, 2]').issue?.message).toMatch(/lists/);
  });

  it('turns a chained comparison into a conjunction', () => {
    expect(evaluate('0 <= nps_score <= 6', { nps_score: 6 }).value).toBe(true);
    expect(evaluate('0 <= nps_score <= 6', { nps_score: 7 }).value).toBe(false);
  });
});

describe('checkExpression', () => {
  it('reports an unknown name with a suggestion and its exact place', () => {
    const [issue] = issues('nps_scor >= 9');
    expect(issue).toMatchObject({ code: 'unknown-identifier', span: { start: 0, end: 8 } });
    expect(issue!.message).toBe("unknown name 'nps_scor' in row condition (did you mean 'nps_score'?)");
  });

  it('places the second occurrence of a name correctly', () => {
    const [issue] = issues('nps_score >= 9 and bogus == 1 or bogus == 2');
    expect(issue!.span).toEqual({ start: 19, end: 24 });
  });

  it('refuses functions outside the allowlist, including ones that reach outside', () => {
    for (const fn of ['import', 'evaluate', 'createUnit', 'parse']) {
      const [issue] = issues(`${fn}("x")`);
      expect(issue!.code).toBe('disallowed-function');
      expect(issue!.span.start).toBe(0);
    }
  });

  it('refuses comparing a date with a number and ordering text', () => {
    expect(issues('day > 5')[0]!.message).toBe('cannot compare a date with a number');
    expect(issues('region > "EMEA"')[0]!.code).toBe('type-mismatch');
    expect(issues('not nps_score')[0]!.code).toBe('type-mismatch');
  });

  it('accepts well-typed expressions', () => {
    expect(issues('is_test or region == "EMEA" and nps_score >= 9')).toEqual([]);
    expect(issues('solved_at - opened_at <= 1')).toEqual([]);
    expect(issues('if(is_test, 1, round(nps_score / 3, 1))')).toEqual([]);
  });
});

describe('compiled expressions', () => {
  it('follow SQL NULL semantics: comparisons with a missing value are unknown', () => {
    expect(evaluate('nps_score >= 9', { nps_score: null }).value).toBe(null);
    expect(evaluate('not (nps_score >= 9)', { nps_score: null }).value).toBe(null);
    expect(evaluate('nps_score >= 9 or is_test', { nps_score: null, is_test: true }).value).toBe(true);
    expect(evaluate('nps_score >= 9 and is_test', { nps_score: null, is_test: false }).value).toBe(false);
    expect(evaluate('is_missing(nps_score)', { nps_score: null }).value).toBe(true);
  });

  it('row conditions keep a row only when exactly true', () => {
    const keep = compileCondition(parsed('not (nps_score >= 9)'), ctx);
    expect(keep(ORDER.map(() => null))).toBe(false);
    expect(keep([3, null, null, null, null, null])).toBe(true);
  });

  it('gives null with a reason on division by zero, never Infinity', () => {
    expect(evaluate('nps_score / 0', { nps_score: 5 })).toEqual({ value: null, reason: 'division by zero' });
    expect(evaluate('sqrt(0 - nps_score)', { nps_score: 4 }).reason).toBe('square root of a negative number');
  });

  it('compares exactly, without an epsilon', () => {
    expect(evaluate('0.1 + 0.2 == 0.3', {}).value).toBe(false);
    expect(evaluate('round(0.1 + 0.2, 10) == 0.3', {}).value).toBe(true);
  });

  it('rounds half away from zero on the decimal value', () => {
    expect(evaluate('round(2.675, 2)', {}).value).toBe(2.68);
    expect(evaluate('round(0 - 2.5)', {}).value).toBe(-3);
  });

  it('takes the difference of two timestamps in days', () => {
    expect(evaluate('solved_at - opened_at', { opened_at: 0, solved_at: 36 * 3600 * 1000 }).value).toBe(1.5);
  });

  it('never embeds definition text in generated code', () => {
    const compiled = compileExpression(parsed('region == "\\"); process.exit(1); (\\""'), ctx);
    expect(compiled.code).toBe('h.eq(v[1], "\\"); process.exit(1); (\\"")');
    expect(compiled.evaluate(['x', 'x', null, null, null, null])).toBe(false);
  });
});
