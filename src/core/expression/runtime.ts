/**
 * The operations generated code calls. Missing values are `null` and behave like SQL NULL:
 * arithmetic with null is null, a comparison with null is unknown (null), `and`/`or`/`not`
 * follow three-valued logic, and a row condition keeps a row only when it is exactly true.
 * Comparisons are exact (IEEE 754 doubles, no epsilon); text compares by exact characters.
 */
export type Scalar = number | string | boolean | null;

const MS_PER_DAY = 86_400_000;

export interface Runtime {
  /** Why the last evaluation gave null when a value was expected (division by zero, ...). */
  reason: string | null;
  finite(x: number): number | null;
  add(a: Scalar, b: Scalar): Scalar;
  sub(a: Scalar, b: Scalar): Scalar;
  mul(a: Scalar, b: Scalar): Scalar;
  div(a: Scalar, b: Scalar): Scalar;
  pow(a: Scalar, b: Scalar): Scalar;
  mod(a: Scalar, b: Scalar): Scalar;
  neg(a: Scalar): Scalar;
  days(a: Scalar, b: Scalar, unit: number): Scalar;
  eq(a: Scalar, b: Scalar): boolean | null;
  ne(a: Scalar, b: Scalar): boolean | null;
  lt(a: Scalar, b: Scalar): boolean | null;
  le(a: Scalar, b: Scalar): boolean | null;
  gt(a: Scalar, b: Scalar): boolean | null;
  ge(a: Scalar, b: Scalar): boolean | null;
  and(a: Scalar, b: Scalar): boolean | null;
  or(a: Scalar, b: Scalar): boolean | null;
  not(a: Scalar): boolean | null;
  cond(c: Scalar): boolean;
  abs(a: Scalar): Scalar;
  round(a: Scalar, digits?: Scalar): Scalar;
  min(...xs: Scalar[]): Scalar;
  max(...xs: Scalar[]): Scalar;
  log(a: Scalar, base?: Scalar): Scalar;
  sqrt(a: Scalar): Scalar;
}

export function createRuntime(): Runtime {
  const rt: Runtime = {
    reason: null,
    finite(x) {
      if (Number.isFinite(x)) return x;
      rt.reason ??= Number.isNaN(x) ? 'the result is not a number (e.g. a negative number to a fractional power)' : 'the result is too large to represent';
      return null;
    },
    add: (a, b) => (a === null || b === null ? null : rt.finite((a as number) + (b as number))),
    sub: (a, b) => (a === null || b === null ? null : rt.finite((a as number) - (b as number))),
    mul: (a, b) => (a === null || b === null ? null : rt.finite((a as number) * (b as number))),
    div(a, b) {
      if (a === null || b === null) return null;
      if (b === 0) {
        rt.reason ??= 'division by zero';
        return null;
      }
      return rt.finite((a as number) / (b as number));
    },
    pow: (a, b) => (a === null || b === null ? null : rt.finite((a as number) ** (b as number))),
    mod(a, b) {
      if (a === null || b === null) return null;
      if (b === 0) {
        rt.reason ??= 'modulo by zero';
        return null;
      }
      const r = (a as number) % (b as number);
      return r !== 0 && r < 0 !== (b as number) < 0 ? r + (b as number) : r;
    },
    neg: (a) => (a === null ? null : -(a as number)),
    days: (a, b, unit) => (a === null || b === null ? null : ((a as number) - (b as number)) / unit),
    eq: (a, b) => (a === null || b === null ? null : a === b),
    ne: (a, b) => (a === null || b === null ? null : a !== b),
    lt: (a, b) => (a === null || b === null ? null : (a as number) < (b as number)),
    le: (a, b) => (a === null || b === null ? null : (a as number) <= (b as number)),
    gt: (a, b) => (a === null || b === null ? null : (a as number) > (b as number)),
    ge: (a, b) => (a === null || b === null ? null : (a as number) >= (b as number)),
    and: (a, b) => (a === false || b === false ? false : a === null || b === null ? null : true),
    or: (a, b) => (a === true || b === true ? true : a === null || b === null ? null : false),
    not: (a) => (a === null ? null : !a),
    cond: (c) => c === true,
    abs: (a) => (a === null ? null : Math.abs(a as number)),
    round(a, digits = 0) {
      if (a === null || digits === null) return null;
      const factor = 10 ** Math.trunc(digits as number);
      const x = a as number;
      // Half away from zero on the decimal value people see (2.675 rounds to 2.68).
      const scaled = Math.abs(x) * factor;
      const rounded = Math.round(Number(scaled.toPrecision(15))) / factor;
      return x < 0 ? -rounded : rounded;
    },
    min(...xs) {
      if (xs.some((x) => x === null)) return null;
      return Math.min(...(xs as number[]));
    },
    max(...xs) {
      if (xs.some((x) => x === null)) return null;
      return Math.max(...(xs as number[]));
    },
    log(a, base) {
      if (a === null || base === null) return null;
      if ((a as number) <= 0 || (base !== undefined && ((base as number) <= 0 || base === 1))) {
        rt.reason ??= 'logarithm of a number that is not positive';
        return null;
      }
      return base === undefined ? Math.log(a as number) : Math.log(a as number) / Math.log(base as number);
    },
    sqrt(a) {
      if (a === null) return null;
      if ((a as number) < 0) {
        rt.reason ??= 'square root of a negative number';
        return null;
      }
      return Math.sqrt(a as number);
    },
  };
  return rt;
}

export const DAY_UNIT: Record<'date' | 'timestamp', number> = { date: 1, timestamp: MS_PER_DAY };
