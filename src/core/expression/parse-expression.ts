import type { MathNode } from 'mathjs';
import type { BinaryOp, Expr, ExprIssue, Span, UnaryOp } from './ast.js';
import { mathParse } from './mathjs-parser.js';
import { tokenize, type Token } from './tokens.js';


const BINARY: Record<string, BinaryOp> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^', mod: 'mod',
  equal: '==', unequal: '!=', smaller: '<', smallerEq: '<=', larger: '>', largerEq: '>=',
  and: 'and', or: 'or',
};
const UNARY: Record<string, UnaryOp> = { unaryMinus: '-', unaryPlus: '+', not: 'not' };

/**
 * Bounds that keep every recursive walk (mathjs's parser, convert, check, code and SQL
 * generation) far from the stack limit: a hostile 2,000-term sum or 1,000 nested
 * parentheses otherwise overflows it. Real formulas stay well inside these.
 */
export const MAX_EXPRESSION_LENGTH = 4000;
export const MAX_EXPRESSION_TERMS = 256;
export const MAX_EXPRESSION_NESTING = 32;

const REFUSED: Record<string, string> = {
  AccessorNode: 'property access (a.b or a["b"]) is not allowed in an rmos expression',
  ArrayNode: 'lists ([...]) are not allowed in an rmos expression',
  AssignmentNode: 'assignment (=) is not allowed in an rmos expression; use == to compare',
  BlockNode: 'several expressions separated by ; are not allowed; write one expression',
  FunctionAssignmentNode: 'function definitions are not allowed in an rmos expression',
  IndexNode: 'indexing ([...]) is not allowed in an rmos expression',
  ObjectNode: 'objects ({...}) are not allowed in an rmos expression',
  RangeNode: 'ranges (a:b) are not allowed in an rmos expression',
};

class Unsupported extends Error {
  constructor(readonly issue: ExprIssue) {
    super(issue.message);
  }
}

/** Matches mathjs leaves to tokens in order of appearance, to give each a span. */
class SpanFinder {
  private next = 0;
  constructor(private readonly tokens: Token[], private readonly length: number) {}

  find(kind: Token['kind'], matches: (token: Token) => boolean): Span {
    for (let i = this.next; i < this.tokens.length; i++) {
      const token = this.tokens[i]!;
      if (token.kind === kind && matches(token)) {
        this.next = i + 1;
        return token.span;
      }
    }
    return { start: 0, end: this.length };
  }
}

function join(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function unsupported(message: string, span: Span): never {
  throw new Unsupported({ code: 'disallowed-syntax', message, span });
}

function convert(node: MathNode, spans: SpanFinder, whole: Span): Expr {
  const n = node as MathNode & Record<string, any>;
  switch (node.type) {
    case 'ParenthesisNode':
      return convert(n.content, spans, whole);
    case 'ConstantNode': {
      const value = n.value;
      if (typeof value === 'number') {
        const span = spans.find('number', (t) => Number(t.text) === value);
        if (!Number.isFinite(value)) unsupported('this number is too large', span);
        return { kind: 'number', value, span };
      }
      if (typeof value === 'string') return { kind: 'string', value, span: spans.find('string', (t) => t.text.includes(value.slice(0, 8))) };
      if (typeof value === 'boolean') return { kind: 'boolean', value, span: whole };
      return unsupported(`'${String(value)}' is not a value in rmos; use is_missing(column) to test for a missing value`, whole);
    }
    case 'SymbolNode': {
      const span = spans.find('name', (t) => t.text === n.name);
      return { kind: 'name', name: n.name, span };
    }
    case 'OperatorNode': {
      if (n.implicit) {
        const args = (n.args as MathNode[]).map((a) => convert(a, spans, whole));
        return unsupported('two values stand side by side; write the operator explicitly (e.g. 2 * x)', join(args[0]!.span, args[1]!.span));
      }
      const args = (n.args as MathNode[]).map((a) => convert(a, spans, whole));
      if (args.length === 1 && UNARY[n.fn]) {
        const arg = args[0]!;
        return { kind: 'unary', op: UNARY[n.fn]!, arg, span: arg.span };
      }
      if (args.length === 2 && BINARY[n.fn]) {
        const [left, right] = args as [Expr, Expr];
        return { kind: 'binary', op: BINARY[n.fn]!, left, right, span: join(left.span, right.span) };
      }
      return unsupported(`the operator '${n.op}' is not allowed; use + - * / ^ mod, comparisons, and, or, not`, args[0] ? args.reduce((s, a) => join(s, a.span), args[0].span) : whole);
    }
    case 'RelationalNode': {
      // a <= b <= c means a <= b and b <= c
      const params = (n.params as MathNode[]).map((p) => convert(p, spans, whole));
      let result: Expr | undefined;
      (n.conditionals as string[]).forEach((fn, i) => {
        const left = params[i]!;
        const right = params[i + 1]!;
        const comparison: Expr = { kind: 'binary', op: BINARY[fn]!, left, right, span: join(left.span, right.span) };
        result = result ? { kind: 'binary', op: 'and', left: result, right: comparison, span: join(result.span, comparison.span) } : comparison;
      });
      return result!;
    }
    case 'ConditionalNode': {
      const condition = convert(n.condition, spans, whole);
      const then = convert(n.trueExpr, spans, whole);
      const otherwise = convert(n.falseExpr, spans, whole);
      return { kind: 'if', condition, then, otherwise, span: join(condition.span, otherwise.span) };
    }
    case 'FunctionNode': {
      if (n.fn?.type !== 'SymbolNode') return unsupported('only named functions can be called', whole);
      const name = n.fn.name as string;
      const fnSpan = spans.find('name', (t) => t.text === name);
      const args = (n.args as MathNode[]).map((a) => convert(a, spans, whole));
      const end = args.length > 0 ? args[args.length - 1]!.span.end + 1 : fnSpan.end + 2;
      return { kind: 'call', fn: name, fnSpan, args, span: { start: fnSpan.start, end } };
    }
    default:
      return unsupported(REFUSED[node.type] ?? `${node.type} is not allowed in an rmos expression`, whole);
  }
}

/** mathjs syntax errors end in "(char N)"; N is the 1-based position of the offending character. */
function syntaxIssue(error: Error, text: string): ExprIssue {
  const match = /\(char (\d+)\)\s*$/.exec(error.message);
  const offset = match ? Math.min(Math.max(Number(match[1]) - 1, 0), Math.max(text.length - 1, 0)) : 0;
  const sentence = error.message.replace(/\s*\(char \d+\)\s*$/, '');
  return { code: 'expression-syntax', message: `syntax error: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`, span: { start: offset, end: offset + 1 } };
}

/** Refuses an expression too long, with too many values or nested too deep, before parsing it. */
function checkSize(text: string): ExprIssue | undefined {
  const split = ' Split it into measures, or into metrics that use each other.';
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return { code: 'expression-syntax', message: `the expression is ${text.length} characters long; an expression may be at most ${MAX_EXPRESSION_LENGTH}.${split}`, span: { start: 0, end: 1 } };
  }
  const tokens = tokenize(text);
  if (tokens.length > MAX_EXPRESSION_TERMS) {
    const at = tokens[MAX_EXPRESSION_TERMS]!.span;
    return { code: 'expression-syntax', message: `the expression has ${tokens.length} names and values; an expression may have at most ${MAX_EXPRESSION_TERMS}.${split}`, span: at };
  }
  const operators = text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '').match(/[-+*/^%<>=!?:]+|\b(?:not|and|or|mod)\b/g) ?? [];
  const signs = operators.reduce((n, op) => n + (/^[a-z]/.test(op) ? 1 : op.length), 0);
  if (signs > MAX_EXPRESSION_TERMS) {
    return { code: 'expression-syntax', message: `the expression has ${signs} operators; an expression may have at most ${MAX_EXPRESSION_TERMS}.${split}`, span: { start: 0, end: 1 } };
  }
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    if (depth > MAX_EXPRESSION_NESTING) {
      return { code: 'expression-syntax', message: `parentheses nest deeper than ${MAX_EXPRESSION_NESTING} levels; write the expression with fewer levels`, span: { start: i, end: i + 1 } };
    }
  }
  return undefined;
}

/**
 * Parses an expression with mathjs and converts it to rmos's tree, refusing every node
 * kind rmos does not allow. Nothing is evaluated here.
 */
export function parseExpression(text: string): { expr?: Expr; issue?: ExprIssue } {
  const whole: Span = { start: 0, end: Math.max(text.length, 1) };
  if (text.trim() === '') return { issue: { code: 'expression-syntax', message: 'the expression is empty', span: whole } };
  const tooBig = checkSize(text);
  if (tooBig) return { issue: tooBig };
  let node: MathNode;
  try {
    // A folded or literal YAML block keeps its line breaks; in a formula they are spaces.
    node = mathParse(text.replace(/[\r\n]/g, ' '));
  } catch (error) {
    return { issue: syntaxIssue(error as Error, text) };
  }
  try {
    return { expr: convert(node, new SpanFinder(tokenize(text), text.length), whole) };
  } catch (error) {
    if (error instanceof Unsupported) return { issue: error.issue };
    throw error;
  }
}
