import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExpression, type CheckScope, type NameInfo } from '../../src/core/expression/check-expression.js';
import { compileCondition, compileExpression } from '../../src/core/expression/compile-expression.js';
import { parseExpression } from '../../src/core/expression/parse-expression.js';

// Random accepted expressions evaluate to what a small, independent reference evaluator
// says: SQL NULL semantics (null in, null out; comparisons with null are unknown;
// three-valued and/or/not), exact comparisons, null with a reason where a value cannot
// be computed (division by zero, ...). Expressions are written fully parenthesised, so
// the text means exactly the generated tree.

type Value = number | boolean | null;

/** A generated expression: its text, its type, and how the reference evaluates it. */
interface Gen {
  readonly text: string;
  readonly type: 'number' | 'boolean';
  readonly eval: (env: Env, reasons: string[]) => Value;
}

interface Env {
  readonly [name: string]: Value;
}

const NUMBER_NAMES = ['x', 'y', 'z'] as const;
const BOOLEAN_NAMES = ['p', 'q'] as const;
const NAMES: Record<string, NameInfo> = {
  x: { kind: 'column', type: 'number' },
  y: { kind: 'column', type: 'number' },
  z: { kind: 'column', type: 'number' },
  p: { kind: 'column', type: 'boolean' },
  q: { kind: 'column', type: 'boolean' },
};
const ORDER = Object.keys(NAMES);
const scope: CheckScope = { role: 'row condition', lookup: (name) => NAMES[name], candidates: () => ORDER };
const ctx = { slot: (name: string) => ORDER.indexOf(name), typeOf: (name: string) => NAMES[name]!.type };

const TOO_LARGE = 'the result is too large to represent';
const NOT_A_NUMBER = 'the result is not a number (e.g. a negative number to a fractional power)';

/** A number result, or null with the reason a computation failed. */
function real(value: number, reasons: string[]): number | null {
  if (Number.isNaN(value)) {
    reasons.push(NOT_A_NUMBER);
    return null;
  }
  if (!Number.isFinite(value)) {
    reasons.push(TOO_LARGE);
    return null;
  }
  return value;
}

/** Kleene logic as a table: T true, F false, U unknown (null). */
const TVL = { T: true, F: false, U: null } as const;
const letter = (v: Value): 'T' | 'F' | 'U' => (v === null ? 'U' : v ? 'T' : 'F');
const AND: Record<string, keyof typeof TVL> = { TT: 'T', TF: 'F', TU: 'U', FT: 'F', FF: 'F', FU: 'F', UT: 'U', UF: 'F', UU: 'U' };
const OR: Record<string, keyof typeof TVL> = { TT: 'T', TF: 'T', TU: 'T', FT: 'T', FF: 'F', FU: 'U', UT: 'T', UF: 'U', UU: 'U' };
const NOT: Record<string, keyof typeof TVL> = { T: 'F', F: 'T', U: 'U' };

const num = (text: string, f: Gen['eval']): Gen => ({ text, type: 'number', eval: f });
const bool = (text: string, f: Gen['eval']): Gen => ({ text, type: 'boolean', eval: f });

function arithmetic(op: string, a: Gen, b: Gen): Gen {
  return num(`(${a.text} ${op} ${b.text})`, (env, reasons) => {
    const l = a.eval(env, reasons) as number | null;
    const r = b.eval(env, reasons) as number | null;
    if (l === null || r === null) return null;
    switch (op) {
      case '+':
        return real(l + r, reasons);
      case '-':
        return real(l - r, reasons);
      case '*':
        return real(l * r, reasons);
      case '^':
        return real(Math.pow(l, r), reasons);
      case '/':
        if (r === 0) return reasons.push('division by zero'), null;
        return real(l / r, reasons);
      default: {
        // mod: the remainder takes the sign of the divisor.
        if (r === 0) return reasons.push('modulo by zero'), null;
        const rem = l % r;
        return rem !== 0 && Math.sign(rem) !== Math.sign(r) ? rem + r : rem;
      }
    }
  });
}

function comparison(op: string, a: Gen, b: Gen): Gen {
  return bool(`(${a.text} ${op} ${b.text})`, (env, reasons) => {
    const l = a.eval(env, reasons);
    const r = b.eval(env, reasons);
    if (l === null || r === null) return null;
    switch (op) {
      case '==':
        return l === r;
      case '!=':
        return l !== r;
      case '<':
        return l < r;
      case '<=':
        return l <= r;
      case '>':
        return l > r;
      default:
        return l >= r;
    }
  });
}

function call(fn: string, args: Gen[]): Gen {
  const text = `${fn}(${args.map((a) => a.text).join(', ')})`;
  return num(text, (env, reasons) => {
    const values = args.map((a) => a.eval(env, reasons)) as (number | null)[];
    if (values.some((v) => v === null)) return null;
    const [a, b] = values as number[];
    switch (fn) {
      case 'abs':
        return Math.abs(a!);
      case 'sqrt':
        return a! < 0 ? (reasons.push('square root of a negative number'), null) : Math.sqrt(a!);
      case 'log':
        if (a! <= 0 || (b !== undefined && (b <= 0 || b === 1))) return reasons.push('logarithm of a number that is not positive'), null;
        return b === undefined ? Math.log(a!) : Math.log(a!) / Math.log(b);
      case 'round': {
        const factor = 10 ** (b ?? 0);
        const rounded = Math.round(Number((Math.abs(a!) * factor).toPrecision(15))) / factor;
        return a! < 0 ? -rounded : rounded;
      }
      case 'min':
        return Math.min(...(values as number[]));
      default:
        return Math.max(...(values as number[]));
    }
  });
}

function conditional(c: Gen, a: Gen, b: Gen, form: 'ternary' | 'if'): Gen {
  const text = form === 'ternary' ? `(${c.text} ? ${a.text} : ${b.text})` : `if(${c.text}, ${a.text}, ${b.text})`;
  const f: Gen['eval'] = (env, reasons) => (c.eval(env, reasons) === true ? a.eval(env, reasons) : b.eval(env, reasons));
  return a.type === 'number' ? num(text, f) : bool(text, f);
}

const LITERALS = [0, 1, 2, 3, 7, 9, 10, 100, 0.1, 0.2, 0.3, 0.5, 2.5, 2.675, 1.005, 0.001];

const { numberExpr, booleanExpr } = fc.letrec<{ numberExpr: Gen; booleanExpr: Gen }>((tie) => ({
  numberExpr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...LITERALS).map((v) => num(String(v), () => v)),
    fc.constantFrom(...NUMBER_NAMES).map((name) => num(name, (env) => env[name]!)),
    tie('numberExpr').map((a) => num(`(-${a.text})`, (env, reasons) => {
      const v = a.eval(env, reasons) as number | null;
      return v === null ? null : -v;
    })),
    fc.tuple(fc.constantFrom('+', '-', '*', '/', 'mod', '^'), tie('numberExpr'), tie('numberExpr')).map(([op, a, b]) => arithmetic(op, a, b)),
    fc.tuple(fc.constantFrom('abs', 'sqrt', 'log'), tie('numberExpr')).map(([fn, a]) => call(fn, [a])),
    fc.tuple(tie('numberExpr'), tie('numberExpr')).map(([a, b]) => call('log', [a, b])),
    fc.tuple(tie('numberExpr'), fc.constantFrom(0, 1, 2)).map(([a, d]) => call('round', d === 0 ? [a] : [a, num(String(d), () => d)])),
    fc.tuple(fc.constantFrom('min', 'max'), fc.array(tie('numberExpr'), { minLength: 2, maxLength: 3 })).map(([fn, args]) => call(fn, args)),
    fc.tuple(tie('booleanExpr'), tie('numberExpr'), tie('numberExpr'), fc.constantFrom('ternary' as const, 'if' as const)).map(([c, a, b, form]) => conditional(c, a, b, form)),
  ),
  booleanExpr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean().map((v) => bool(String(v), () => v)),
    fc.constantFrom(...BOOLEAN_NAMES).map((name) => bool(name, (env) => env[name]!)),
    fc.tuple(fc.constantFrom('==', '!=', '<', '<=', '>', '>='), tie('numberExpr'), tie('numberExpr')).map(([op, a, b]) => comparison(op, a, b)),
    fc.tuple(fc.constantFrom('==', '!='), tie('booleanExpr'), tie('booleanExpr')).map(([op, a, b]) => comparison(op, a, b)),
    fc.tuple(fc.constantFrom('and', 'or'), tie('booleanExpr'), tie('booleanExpr')).map(([op, a, b]) =>
      bool(`(${a.text} ${op} ${b.text})`, (env, reasons) => {
        const key = `${letter(a.eval(env, reasons))}${letter(b.eval(env, reasons))}`;
        return TVL[(op === 'and' ? AND : OR)[key]!];
      }),
    ),
    tie('booleanExpr').map((a) => bool(`(not ${a.text})`, (env, reasons) => TVL[NOT[letter(a.eval(env, reasons))]!])),
    fc.oneof(tie('numberExpr'), tie('booleanExpr')).map((a) => bool(`is_missing(${a.text})`, (env, reasons) => a.eval(env, reasons) === null)),
    fc.tuple(tie('booleanExpr'), tie('booleanExpr'), tie('booleanExpr'), fc.constantFrom('ternary' as const, 'if' as const)).map(([c, a, b, form]) => conditional(c, a, b, form)),
  ),
}));

const numberValue = fc.option(fc.oneof(fc.integer({ min: -12, max: 12 }), fc.constantFrom(0.1, 0.2, 0.3, -0.5, 2.5, 1e-9, 1e300)), { nil: null, freq: 4 });
const booleanValue = fc.option(fc.boolean(), { nil: null, freq: 4 });
const env = fc.record({ x: numberValue, y: numberValue, z: numberValue, p: booleanValue, q: booleanValue });

/** Equal as rmos promises: null is null, numbers equal (0 and -0 alike), conditions equal. */
function same(actual: unknown, expected: Value): boolean {
  if (expected === null || typeof expected === 'boolean') return actual === expected;
  return typeof actual === 'number' && actual === expected;
}

function accept(gen: Gen) {
  const parsed = parseExpression(gen.text);
  expect(parsed.issue, gen.text).toBeUndefined();
  const checked = checkExpression(parsed.expr!, scope);
  expect(checked.issues, gen.text).toEqual([]);
  expect(checked.type, gen.text).toBe(gen.type);
  return parsed.expr!;
}

describe('expressions against a reference evaluator', () => {
  it('numeric formulas: the value, and null with the first reason', () => {
    fc.assert(
      fc.property(numberExpr, fc.array(env, { minLength: 1, maxLength: 4 }), (gen, rows) => {
        const compiled = compileExpression(accept(gen), ctx);
        for (const row of rows) {
          const reasons: string[] = [];
          const expected = gen.eval(row, reasons);
          const actual = compiled.evaluate(ORDER.map((n) => row[n as keyof typeof row]));
          expect(same(actual, expected), `${gen.text} with ${JSON.stringify(row)}: rmos ${String(actual)}, reference ${String(expected)}`).toBe(true);
          expect(typeof actual === 'number' ? Number.isFinite(actual) : true).toBe(true);
          expect(compiled.reason(), `${gen.text} with ${JSON.stringify(row)}`).toBe(reasons[0] ?? null);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('conditions: three-valued logic, and a row condition holds only when exactly true', () => {
    fc.assert(
      fc.property(booleanExpr, fc.array(env, { minLength: 1, maxLength: 4 }), (gen, rows) => {
        const expr = accept(gen);
        const compiled = compileExpression(expr, ctx);
        const condition = compileCondition(expr, ctx);
        for (const row of rows) {
          const values = ORDER.map((n) => row[n as keyof typeof row]);
          const expected = gen.eval(row, []);
          const actual = compiled.evaluate(values);
          expect(same(actual, expected), `${gen.text} with ${JSON.stringify(row)}: rmos ${String(actual)}, reference ${String(expected)}`).toBe(true);
          expect(condition(values), gen.text).toBe(expected === true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('documented cases from docs/expressions.md', () => {
    const cases: [string, Env, Value, ('number' | 'boolean')?][] = [
      ['((0.1 + 0.2) == 0.3)', {}, false],
      ['(round((0.1 + 0.2), 10) == 0.3)', {}, true],
      ['(x / 0)', { x: 1 }, null],
      ['((-7) mod 3)', {}, 2],
      ['(7 mod (-3))', {}, -2],
      ['round(2.675, 2)', {}, 2.68],
      ['round((-2.5))', {}, -3],
      ['(p and q)', { p: false, q: null }, false],
      ['(p or q)', { p: true, q: null }, true],
      ['(not p)', { p: null }, null, 'boolean'],
      ['(x >= 9)', { x: null }, null, 'boolean'],
      ['is_missing(x)', { x: null }, true],
      ['(p ? 1 : 2)', { p: null }, 2],
    ];
    for (const [text, values, expected, type] of cases) {
      const compiled = compileExpression(accept({ text, type: type ?? (typeof expected === 'boolean' ? 'boolean' : 'number'), eval: () => null }), ctx);
      const actual = compiled.evaluate(ORDER.map((n) => values[n] ?? null));
      expect(same(actual, expected), `${text}: ${String(actual)}`).toBe(true);
    }
  });
});
