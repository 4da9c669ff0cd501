import type { Expr } from './ast.js';
import { generateCode, type CodeContext } from './generate-code.js';
import { createRuntime, type Scalar } from './runtime.js';

export interface CompiledExpression {
  /** Evaluates over the values array; null means missing or undefined (see reason()). */
  readonly evaluate: (values: readonly Scalar[]) => Scalar;
  /** Why the last evaluation gave null, if a computation failed (division by zero, ...). */
  readonly reason: () => string | null;
  /** The generated JavaScript, for `rmos explain` and tests. */
  readonly code: string;
}

/** Compiles a checked expression into a plain JavaScript function over a values array. */
export function compileExpression(expr: Expr, ctx: CodeContext): CompiledExpression {
  const code = generateCode(expr, ctx);
  const runtime = createRuntime();
  // The source is generated from rmos's own checked tree (see generate-code.ts).
  const factory = new Function('h', `'use strict'; return function compiled(v) { return ${code}; };`) as (
    h: typeof runtime,
  ) => (values: readonly Scalar[]) => Scalar;
  const fn = factory(runtime);
  return {
    evaluate: (values) => {
      runtime.reason = null;
      return fn(values);
    },
    reason: () => runtime.reason,
    code,
  };
}

/** The row-condition form: a predicate that is true only when the condition is exactly true. */
export function compileCondition(expr: Expr, ctx: CodeContext): (values: readonly Scalar[]) => boolean {
  const code = generateCode(expr, ctx);
  const runtime = createRuntime();
  const factory = new Function('h', `'use strict'; return function condition(v) { return (${code}) === true; };`) as (
    h: typeof runtime,
  ) => (values: readonly Scalar[]) => boolean;
  return factory(runtime);
}
