import type { Expr } from './ast.js';

const PRECEDENCE: Record<string, number> = { or: 1, and: 2, '==': 4, '!=': 4, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, mod: 6, '^': 7 };
const SYMBOL: Record<string, string> = { '*': '×', '-': '−', '/': '/', '<=': '≤', '>=': '≥', '!=': '≠', '==': '=' };

/** An expression in readable notation (× − ≤ ≥ ≠), with only the parentheses it needs. */
export function renderExpression(expr: Expr): string {
  const render = (e: Expr, parent: number, right: boolean): string => {
    switch (e.kind) {
      case 'number':
        return String(e.value);
      case 'string':
        return `"${e.value}"`;
      case 'boolean':
        return String(e.value);
      case 'name':
        return e.name;
      case 'unary': {
        const inner = render(e.arg, 8, false);
        return e.op === 'not' ? `not ${inner}` : `${e.op === '-' ? '−' : '+'}${inner}`;
      }
      case 'binary': {
        const p = PRECEDENCE[e.op]!;
        const text = `${render(e.left, p, false)} ${SYMBOL[e.op] ?? e.op} ${render(e.right, p, true)}`;
        return p < parent || (p === parent && right) ? `(${text})` : text;
      }
      case 'call':
        return `${e.fn}(${e.args.map((a) => render(a, 0, false)).join(', ')})`;
      case 'if':
        return `if(${render(e.condition, 0, false)}, ${render(e.then, 0, false)}, ${render(e.otherwise, 0, false)})`;
    }
  };
  return render(expr, 0, false);
}
