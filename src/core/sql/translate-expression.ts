import type { Expr } from '../expression/ast.js';
import { expressionType } from '../expression/expression-type.js';
import { MS_PER_DAY } from '../periods/index.js';
import type { ValueType } from '../expression/types.js';
import type { SqlDialect } from './dialects/index.js';

/** How the translation finds a name: its SQL and, for columns, its rmos type. */
export interface SqlScope {
  sql(name: string): string;
  typeOf(name: string): ValueType;
}

const COMPARISON: Record<string, string> = { '==': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** A number literal as SQL: finite, never an exponent SQL cannot read, -0 as 0. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error('non-finite constant');
  if (Object.is(value, -0) || value === 0) return '0';
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Move the decimal point of JavaScript's shortest digits instead of printing an exponent.
  const [mantissa, exponent] = text.replace(/^-/, '').split('e') as [string, string];
  const point = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const at = (point < 0 ? mantissa.length : point) + Number(exponent);
  const plain = at <= 0 ? `0.${'0'.repeat(-at)}${digits}` : at >= digits.length ? digits + '0'.repeat(at - digits.length) : `${digits.slice(0, at)}.${digits.slice(at)}`;
  return value < 0 ? `-${plain}` : plain;
}

/**
 * SQL for a checked rmos expression. Temporal values are numbers in the compiled SQL
 * (epoch days for dates, epoch milliseconds for timestamps), as in the built-in engine,
 * so comparisons and differences need no engine date functions. SQL's NULL and its
 * three-valued AND/OR/NOT are rmos's missing values; the functions rmos defines more
 * strictly than SQL (min/max with a missing argument, log and sqrt out of domain,
 * division by zero, rounding) are spelled out.
 */
export function translateExpression(expr: Expr, scope: SqlScope, dialect: SqlDialect): string {
  const typeOf = (e: Expr): ValueType | undefined => expressionType(e, (name) => scope.typeOf(name));


  const gen = (e: Expr): string => {
    switch (e.kind) {
      case 'number':
        return numberLiteral(e.value);
      case 'string':
        return dialect.string(e.value);
      case 'boolean':
        return e.value ? 'TRUE' : 'FALSE';
      case 'name':
        return scope.sql(e.name);
      case 'unary':
        return e.op === '-' ? `(-${gen(e.arg)})` : e.op === 'not' ? `(NOT ${gen(e.arg)})` : gen(e.arg);
      case 'if':
        return `(CASE WHEN ${gen(e.condition)} THEN ${gen(e.then)} ELSE ${gen(e.otherwise)} END)`;
      case 'binary':
        return binary(e.op, e.left, e.right);
      case 'call':
        return call(e.fn, e.args);
    }
  };

  const binary = (op: string, left: Expr, right: Expr): string => {
    const a = gen(left);
    const b = gen(right);
    switch (op) {
      case '+':
        return `(${a} + ${b})`;
      case '-': {
        const type = typeOf(left);
        // Timestamps are epoch milliseconds: a difference is in days, like dates.
        return type === 'timestamp' ? `((${a} - ${b}) / ${MS_PER_DAY})` : `(${a} - ${b})`;
      }
      case '*':
        return `(${a} * ${b})`;
      case '/':
        return `(${dialect.divide(a, b)})`;
      case '^':
        return `POWER(${a}, ${b})`;
      case 'mod':
        return `(CASE WHEN ${b} = 0 THEN NULL ELSE ${dialect.remainder(a, b)} END)`;
      case 'and':
        return `(${a} AND ${b})`;
      case 'or':
        return `(${a} OR ${b})`;
      default:
        return `(${a} ${COMPARISON[op]!} ${b})`;
    }
  };

  const call = (fn: string, args: readonly Expr[]): string => {
    const sql = args.map(gen);
    switch (fn) {
      case 'if':
        return `(CASE WHEN ${sql[0]} THEN ${sql[1]} ELSE ${sql[2]} END)`;
      case 'is_missing':
        return `(${sql[0]} IS NULL)`;
      case 'abs':
        return `ABS(${sql[0]})`;
      case 'sqrt':
        return `(CASE WHEN ${sql[0]} >= 0 THEN SQRT(${sql[0]}) END)`;
      case 'log':
        return sql.length === 1
          ? `(CASE WHEN ${sql[0]} > 0 THEN LN(${sql[0]}) END)`
          : `(CASE WHEN ${sql[0]} > 0 AND ${sql[1]} > 0 AND ${sql[1]} <> 1 THEN LN(${sql[0]}) / LN(${sql[1]}) END)`;
      case 'round': {
        const digits = args[1];
        if (digits === undefined) return dialect.round(sql[0]!, 0);
        if (digits.kind === 'number' && Number.isInteger(digits.value) && Math.abs(digits.value) <= 15) return dialect.round(sql[0]!, digits.value);
        // Digits computed per row: the generic form (no decimal cast).
        const factor = `POWER(10, TRUNC(${sql[1]}))`;
        return `(SIGN(${sql[0]}) * FLOOR(ABS(${sql[0]}) * ${factor} + 0.5) / ${factor})`;
      }
      case 'min':
      case 'max': {
        // LEAST/GREATEST skip NULLs in some engines; rmos's min/max are missing if any argument is.
        const anyMissing = sql.map((s) => `${s} IS NULL`).join(' OR ');
        return `(CASE WHEN ${anyMissing} THEN NULL ELSE ${fn === 'min' ? 'LEAST' : 'GREATEST'}(${sql.join(', ')}) END)`;
      }
      default:
        throw new Error(`function ${fn} reached SQL translation unchecked`);
    }
  };

  return gen(expr);
}
