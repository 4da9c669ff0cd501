/**
 * The one strict decimal scanner behind integer, number, currency and
 * percent cells. It reads raw[start, end) by character codes and returns NaN
 * unless the whole range is a number in the source's notation:
 *
 *   [sign] digits [groups] [decimal-mark digits] [e|E [sign] digits]
 *
 * Thousands separators are accepted only in correct groups of three
 * (1,234,567 but not 12,34 or 1,2345), one kind per number, never after the
 * decimal mark, and not after a lone leading zero (0,123 is far more likely a
 * decimal comma than a thousands group, so it is rejected rather than guessed).
 */

export interface DecimalSyntax {
  /** Char code of the decimal mark ('.' or ','). */
  readonly decimal: number;
  /** Char code of the other mark, which groups thousands. */
  readonly thousands: number;
  readonly allowExponent: boolean;
  /** Accept a fraction only when all its digits are zero (9.00 is the integer 9). */
  readonly integerOnly: boolean;
}

const PLUS = 43;
const MINUS = 45;
const UNICODE_MINUS = 0x2212;
const APOSTROPHE = 39;
const RIGHT_SINGLE_QUOTE = 0x2019;

export function makeDecimalSyntax(decimal: '.' | ',', allowExponent: boolean, integerOnly = false): DecimalSyntax {
  return {
    decimal: decimal.charCodeAt(0),
    thousands: decimal === '.' ? 44 : 46,
    allowExponent,
    integerOnly,
  };
}

function isGroupSeparator(c: number, syntax: DecimalSyntax): boolean {
  return c === syntax.thousands || c === 32 || c === 160 || c === 0x202f || c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE;
}

export function isSignCode(c: number): boolean {
  return c === PLUS || c === MINUS || c === UNICODE_MINUS;
}

// Powers of ten that doubles hold exactly; with a mantissa below 2^53 one
// multiplication or division by them is correctly rounded (Clinger's fast path).
const EXACT_POWERS_OF_TEN = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];
const MAX_FAST_DIGITS = 15;

/**
 * @param allowSign whether a leading + / - / − is accepted (currency cells
 *   that already consumed a sign, or use parentheses, pass false)
 * @param shift power of ten applied to the result (-2 turns 45% into 0.45
 *   with a single rounding)
 */
export function scanDecimal(
  raw: string,
  start: number,
  end: number,
  syntax: DecimalSyntax,
  allowSign: boolean,
  shift: number,
): number {
  let i = start;
  let negative = false;
  if (allowSign && i < end) {
    const c = raw.charCodeAt(i);
    if (c === PLUS) i++;
    else if (c === MINUS || c === UNICODE_MINUS) {
      negative = true;
      i++;
    }
  }
  const digitsStart = i;
  let mantissa = 0;
  let significant = 0;
  let intDigits = 0;
  let separator = -1;
  let groupDigits = 0;
  for (; i < end; i++) {
    const c = raw.charCodeAt(i);
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      if (significant > 0 || d !== 0) significant++;
      mantissa = mantissa * 10 + d;
      intDigits++;
      groupDigits++;
    } else if (intDigits > 0 && (separator === -1 ? isGroupSeparator(c, syntax) : c === separator)) {
      if (separator === -1) {
        if (groupDigits > 3 || raw.charCodeAt(digitsStart) === 48) return Number.NaN;
        separator = c;
      } else if (groupDigits !== 3) {
        return Number.NaN;
      }
      groupDigits = 0;
    } else {
      break;
    }
  }
  if (separator !== -1 && groupDigits !== 3) return Number.NaN;

  let fracDigits = 0;
  if (i < end && raw.charCodeAt(i) === syntax.decimal) {
    i++;
    let nonZero = false;
    for (; i < end; i++) {
      const d = raw.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      if (significant > 0 || d !== 0) significant++;
      if (d !== 0) nonZero = true;
      mantissa = mantissa * 10 + d;
      fracDigits++;
    }
    if (fracDigits === 0 || (nonZero && syntax.integerOnly)) return Number.NaN;
  }
  if (intDigits === 0 && fracDigits === 0) return Number.NaN;
  const mantissaEnd = i;

  let exponent = 0;
  if (i < end && (raw.charCodeAt(i) === 101 || raw.charCodeAt(i) === 69)) {
    if (!syntax.allowExponent) return Number.NaN;
    i++;
    let expNegative = false;
    if (i < end && isSignCode(raw.charCodeAt(i))) {
      expNegative = raw.charCodeAt(i) !== PLUS;
      i++;
    }
    let expDigits = 0;
    for (; i < end; i++) {
      const d = raw.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      if (exponent < 100_000) exponent = exponent * 10 + d;
      expDigits++;
    }
    if (expDigits === 0) return Number.NaN;
    if (expNegative) exponent = -exponent;
  }
  if (i !== end) return Number.NaN;

  const power = exponent + shift - fracDigits;
  let value: number;
  if (significant <= MAX_FAST_DIGITS && power >= -22 && power <= 22) {
    value = power >= 0 ? mantissa * EXACT_POWERS_OF_TEN[power]! : mantissa / EXACT_POWERS_OF_TEN[-power]!;
  } else {
    value = slowDecimal(raw, digitsStart, mantissaEnd, syntax.decimal, exponent + shift);
  }
  if (!Number.isFinite(value)) return Number.NaN;
  if (value === 0) return 0;
  return negative ? -value : value;
}

/** Long mantissas and large exponents: let the engine's correctly rounded parser do it. Rare, so it may allocate. */
function slowDecimal(raw: string, start: number, end: number, decimal: number, exponent: number): number {
  let text = '';
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) text += raw[i];
    else if (c === decimal) text += '.';
  }
  return Number(`${text}e${exponent}`);
}
