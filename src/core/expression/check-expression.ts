import { didYouMean } from '../did-you-mean.js';
import type { Expr, ExprIssue } from './ast.js';
import { callType, FUNCTIONS, FUNCTION_NAMES } from './functions.js';
import { describeType, type ValueType } from './types.js';

export type NameKind = 'column' | 'measure' | 'parameter' | 'metric';

export interface NameInfo {
  readonly kind: NameKind;
  readonly type: ValueType;
}

export interface CheckScope {
  /** What the expression is, for messages: "row condition" or "formula". */
  readonly role: string;
  lookup(name: string): NameInfo | undefined;
  /** Names that could be meant, for "did you mean". */
  candidates(): Iterable<string>;
  /** Names known to exist but whose definition is broken: no further message. */
  isBroken?(name: string): boolean;
}

export interface CheckResult {
  /** undefined when the expression has errors that make its type unknown. */
  readonly type?: ValueType;
  readonly issues: ExprIssue[];
}

const ARITHMETIC = new Set(['+', '-', '*', '/', '^', 'mod']);
const ORDERING = new Set(['<', '<=', '>', '>=']);

/** Resolves every name and checks that operators and functions get values of the right type. */
export function checkExpression(expr: Expr, scope: CheckScope): CheckResult {
  const issues: ExprIssue[] = [];

  const visit = (e: Expr): ValueType | undefined => {
    switch (e.kind) {
      case 'number':
        return 'number';
      case 'string':
        return 'string';
      case 'boolean':
        return 'boolean';
      case 'name': {
        const info = scope.lookup(e.name);
        if (info) return info.type;
        if (scope.isBroken?.(e.name)) return undefined;
        if (FUNCTIONS[e.name]) {
          issues.push({ code: 'type-mismatch', message: `'${e.name}' is a function; call it with parentheses, e.g. ${FUNCTIONS[e.name]!.summary.split(':')[0]}`, span: e.span });
          return undefined;
        }
        issues.push({ code: 'unknown-identifier', message: `unknown name '${e.name}' in ${scope.role}${didYouMean(e.name, scope.candidates())}`, span: e.span });
        return undefined;
      }
      case 'unary': {
        const t = visit(e.arg);
        if (t === undefined) return e.op === 'not' ? 'boolean' : 'number';
        if (e.op === 'not') {
          if (t !== 'boolean') issues.push({ code: 'type-mismatch', message: `'not' needs a condition, but this is ${article(t)}`, span: e.arg.span });
          return 'boolean';
        }
        if (t !== 'number') issues.push({ code: 'type-mismatch', message: `a sign (${e.op}) needs a number, but this is ${article(t)}`, span: e.arg.span });
        return 'number';
      }
      case 'binary':
        return binary(e);
      case 'if': {
        const c = visit(e.condition);
        const a = visit(e.then);
        const b = visit(e.otherwise);
        if (c !== undefined && c !== 'boolean') issues.push({ code: 'type-mismatch', message: `the condition before '?' must be true or false, but it is ${article(c)}`, span: e.condition.span });
        if (a !== undefined && b !== undefined && a !== b) {
          issues.push({ code: 'type-mismatch', message: `both branches must have one type, but one is ${article(a)} and the other ${article(b)}`, span: e.span });
          return undefined;
        }
        return a ?? b;
      }
      case 'call': {
        const spec = FUNCTIONS[e.fn];
        if (!spec) {
          const known = scope.lookup(e.fn);
          const why = known ? `'${e.fn}' is a ${known.kind}, not a function` : `the function '${e.fn}' is not allowed${didYouMean(e.fn, FUNCTION_NAMES)}; allowed: ${FUNCTION_NAMES.join(', ')}`;
          issues.push({ code: 'disallowed-function', message: why, span: e.fnSpan });
          e.args.forEach(visit);
          return undefined;
        }
        if (e.args.length < spec.minArgs || e.args.length > spec.maxArgs) {
          const expected = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
          issues.push({ code: 'type-mismatch', message: `${e.fn}() takes ${expected} argument${spec.maxArgs === 1 ? '' : 's'}, not ${e.args.length} (${spec.summary})`, span: e.span });
          e.args.forEach(visit);
          return undefined;
        }
        const types = e.args.map(visit);
        if (types.some((t) => t === undefined)) return e.fn === 'is_missing' ? 'boolean' : undefined;
        const result = callType(e.fn, types as ValueType[]);
        if (!['number', 'string', 'boolean', 'date', 'timestamp'].includes(result)) {
          issues.push({ code: 'type-mismatch', message: `${result} (${spec.summary})`, span: e.span });
          return undefined;
        }
        return result as ValueType;
      }
    }
  };

  const binary = (e: Extract<Expr, { kind: 'binary' }>): ValueType | undefined => {
    const l = visit(e.left);
    const r = visit(e.right);
    if (e.op === 'and' || e.op === 'or') {
      for (const [t, side] of [[l, e.left], [r, e.right]] as const) {
        if (t !== undefined && t !== 'boolean') issues.push({ code: 'type-mismatch', message: `'${e.op}' joins conditions, but this is ${article(t)}`, span: side.span });
      }
      return 'boolean';
    }
    if (l === undefined || r === undefined) return ARITHMETIC.has(e.op) ? 'number' : 'boolean';
    if (ARITHMETIC.has(e.op)) {
      const temporal = (t: ValueType) => t === 'date' || t === 'timestamp';
      if (e.op === '-' && temporal(l) && l === r) return 'number'; // difference in days
      if (l !== 'number' || r !== 'number') {
        issues.push({ code: 'type-mismatch', message: `'${e.op}' needs numbers, but ${l === 'number' ? 'the right side' : 'the left side'} is ${article(l === 'number' ? r : l)}`, span: e.span });
        return undefined;
      }
      return 'number';
    }
    // comparisons
    if (l !== r) {
      issues.push({ code: 'type-mismatch', message: `cannot compare ${article(l)} with ${article(r)}`, span: e.span });
      return 'boolean';
    }
    if (ORDERING.has(e.op) && (l === 'string' || l === 'boolean')) {
      issues.push({ code: 'type-mismatch', message: `'${e.op}' orders numbers, dates and timestamps; ${describeType(l)} can only be compared with == or !=`, span: e.span });
    }
    return 'boolean';
  };

  const type = visit(expr);
  return { type: issues.length > 0 ? undefined : type, issues };
}

function article(type: ValueType): string {
  return type === 'string' ? 'text' : type === 'boolean' ? 'a condition (true or false)' : `a ${type}`;
}
