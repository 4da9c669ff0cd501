import type { Expr } from './ast.js';
import type { ValueType } from './types.js';

/**
 * The type of a checked expression where code generation needs it (a difference of
 * dates or timestamps is in days): names take their declared type, calls and
 * conditionals the type of their value arguments.
 */
export function expressionType(e: Expr, typeOfName: (name: string) => ValueType): ValueType | undefined {
  switch (e.kind) {
    case 'name':
      return typeOfName(e.name);
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'call':
      return e.fn === 'min' || e.fn === 'max' ? expressionType(e.args[0]!, typeOfName) : e.fn === 'if' ? expressionType(e.args[1]!, typeOfName) : undefined;
    case 'if':
      return expressionType(e.then, typeOfName);
    default:
      return undefined;
  }
}
