import type { Expr } from './ast.js';
import { expressionType } from './expression-type.js';
import type { ValueType } from './types.js';
import { DAY_UNIT } from './runtime.js';

const BINARY_HELPER: Record<string, string> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '^': 'pow', mod: 'mod',
  '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', and: 'and', or: 'or',
};

export interface CodeContext {
  /** Index of a name's value in the values array. */
  slot(name: string): number;
  typeOf(name: string): ValueType;
}

/**
 * JavaScript source for a checked expression. Only what rmos emits appears in it:
 * helper calls, slot indexes, and constants serialised with JSON.stringify; names and
 * text from the definition never become code.
 */
export function generateCode(expr: Expr, ctx: CodeContext): string {
  const typeOf = (e: Expr): ValueType | undefined => expressionType(e, (name) => ctx.typeOf(name));


  const gen = (e: Expr): string => {
    switch (e.kind) {
      case 'number': {
        if (!Number.isFinite(e.value)) throw new Error('non-finite constant');
        return Object.is(e.value, -0) ? '0' : String(e.value);
      }
      case 'string':
        return JSON.stringify(e.value);
      case 'boolean':
        return e.value ? 'true' : 'false';
      case 'name': {
        const index = ctx.slot(e.name);
        if (!Number.isInteger(index) || index < 0) throw new Error('bad slot');
        return `v[${index}]`;
      }
      case 'unary':
        return e.op === '-' ? `h.neg(${gen(e.arg)})` : e.op === 'not' ? `h.not(${gen(e.arg)})` : gen(e.arg);
      case 'binary': {
        const left = typeOf(e.left);
        if (e.op === '-' && (left === 'date' || left === 'timestamp')) {
          return `h.days(${gen(e.left)}, ${gen(e.right)}, ${DAY_UNIT[left]})`;
        }
        return `h.${BINARY_HELPER[e.op]}(${gen(e.left)}, ${gen(e.right)})`;
      }
      case 'if':
        return `(h.cond(${gen(e.condition)}) ? ${gen(e.then)} : ${gen(e.otherwise)})`;
      case 'call': {
        const args = e.args.map(gen);
        switch (e.fn) {
          case 'if':
            return `(h.cond(${args[0]}) ? ${args[1]} : ${args[2]})`;
          case 'is_missing':
            return `(${args[0]} === null)`;
          case 'abs':
          case 'round':
          case 'min':
          case 'max':
          case 'log':
          case 'sqrt':
            return `h.${e.fn}(${args.join(', ')})`;
          default:
            throw new Error(`function ${e.fn} reached code generation unchecked`);
        }
      }
    }
  };
  return gen(expr);
}
