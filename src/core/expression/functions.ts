import type { ValueType } from './types.js';

/**
 * The functions an expression may call. Anything else (import, evaluate, createUnit,
 * constructor, ...) is refused by name before any code is generated.
 */
export interface FunctionSpec {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly summary: string;
}

// A null prototype: names such as `constructor`, `toString` or `__proto__` are not functions.
export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = Object.assign(Object.create(null) as Record<string, FunctionSpec>, {
  abs: { minArgs: 1, maxArgs: 1, summary: 'abs(x): absolute value' },
  round: { minArgs: 1, maxArgs: 2, summary: 'round(x, digits): half away from zero, digits default 0' },
  min: { minArgs: 2, maxArgs: 16, summary: 'min(a, b, ...): smallest value; missing if any is missing' },
  max: { minArgs: 2, maxArgs: 16, summary: 'max(a, b, ...): largest value; missing if any is missing' },
  log: { minArgs: 1, maxArgs: 2, summary: 'log(x) natural logarithm, log(x, base)' },
  sqrt: { minArgs: 1, maxArgs: 1, summary: 'sqrt(x): square root' },
  is_missing: { minArgs: 1, maxArgs: 1, summary: 'is_missing(x): true when x has no value' },
  if: { minArgs: 3, maxArgs: 3, summary: 'if(condition, then, else): then when condition is true, else otherwise (also written condition ? then : else)' },
});

export const FUNCTION_NAMES = Object.keys(FUNCTIONS);

/** Result type of a call whose arguments type-check, or an explanation of why they do not. */
export function callType(fn: string, args: readonly ValueType[]): ValueType | string {
  switch (fn) {
    case 'abs':
    case 'sqrt':
    case 'log':
    case 'round':
      return args.every((t) => t === 'number') ? 'number' : `${fn}() takes numbers`;
    case 'min':
    case 'max': {
      const first = args[0]!;
      if (!args.every((t) => t === first)) return `${fn}() needs arguments of one type`;
      return first === 'number' || first === 'date' || first === 'timestamp' ? first : `${fn}() takes numbers, dates or timestamps`;
    }
    case 'is_missing':
      return 'boolean';
    case 'if':
      if (args[0] !== 'boolean') return 'the first argument of if() must be a condition (true or false)';
      return args[1] === args[2] ? args[1]! : 'both branches of if() must have the same type';
    default:
      return `unknown function ${fn}`;
  }
}
