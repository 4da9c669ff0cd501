/** rmos's own expression tree: only the node kinds rmos allows, each with its place in the text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | 'mod' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';
export type UnaryOp = '-' | '+' | 'not';

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'name'; readonly name: string; readonly span: Span }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly arg: Expr; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly kind: 'call'; readonly fn: string; readonly fnSpan: Span; readonly args: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'if'; readonly condition: Expr; readonly then: Expr; readonly otherwise: Expr; readonly span: Span };

/** A problem inside an expression, at a character offset of its text. */
export interface ExprIssue {
  readonly code: string;
  readonly message: string;
  readonly span: Span;
}

/** Every name an expression mentions (not function names), in order of appearance. */
export function namesIn(expr: Expr, into: Expr[] = []): Expr[] {
  switch (expr.kind) {
    case 'name':
      into.push(expr);
      break;
    case 'unary':
      namesIn(expr.arg, into);
      break;
    case 'binary':
      namesIn(expr.left, into);
      namesIn(expr.right, into);
      break;
    case 'call':
      expr.args.forEach((a) => namesIn(a, into));
      break;
    case 'if':
      namesIn(expr.condition, into);
      namesIn(expr.then, into);
      namesIn(expr.otherwise, into);
      break;
    default:
      break;
  }
  return into;
}
