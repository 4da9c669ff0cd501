import { isInlineSpace } from './cell-text.js';
import { type DecimalSyntax, isSignCode, scanDecimal } from './parse-decimal.js';

/**
 * Currency amounts: a number in the source's notation with at most one
 * currency marker before or after it, and an optional negative written as a
 * leading minus (before or after the marker) or as accounting parentheses.
 *
 *   $1,234.50   -$5   $-5   (1,234.00)   ($5)   $(5)   1.234,56 €   EUR 12   12USD   US$ 5
 *
 * Markers are the common symbols below, any three upper-case letters (an
 * ISO 4217 code) or one or two upper-case letters before '$' (US$, C$, HK$).
 * The marker is not returned: a column is assumed to hold one currency.
 */

const SYMBOLS = new Set([0x24, 0x20ac, 0xa3, 0xa5, 0x20b9, 0x20a9, 0x20bd, 0x20ba, 0x20aa, 0x20ab, 0x20b4, 0x20a6, 0x20b1, 0x0e3f]);
const DOLLAR = 0x24;
const OPEN = 40;
const CLOSE = 41;
const PLUS = 43;

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLetter(c: number): boolean {
  return isUpper(c) || (c >= 97 && c <= 122);
}

/** Length of a currency marker starting at `i`, or 0. */
function markerAt(raw: string, i: number, end: number): number {
  const c = raw.charCodeAt(i);
  if (SYMBOLS.has(c)) return 1;
  if (!isUpper(c)) return 0;
  let letters = 1;
  while (letters < 3 && i + letters < end && isUpper(raw.charCodeAt(i + letters))) letters++;
  const next = i + letters < end ? raw.charCodeAt(i + letters) : -1;
  if (letters === 3 && !isLetter(next)) return 3;
  if (letters <= 2 && next === DOLLAR) return letters + 1;
  return 0;
}

/** Length of a currency marker ending just before `end`, or 0. */
function markerBefore(raw: string, start: number, end: number): number {
  const c = raw.charCodeAt(end - 1);
  if (SYMBOLS.has(c)) return 1;
  if (end - start >= 3 && isUpper(c) && isUpper(raw.charCodeAt(end - 2)) && isUpper(raw.charCodeAt(end - 3))) {
    return end - start === 3 || !isLetter(raw.charCodeAt(end - 4)) ? 3 : 0;
  }
  return 0;
}

/** The amount in raw[start, end) (already trimmed), or NaN. */
export function scanCurrency(raw: string, start: number, end: number, syntax: DecimalSyntax): number {
  let s = start;
  let e = end;
  let parentheses = false;
  if (e - s >= 2 && raw.charCodeAt(s) === OPEN && raw.charCodeAt(e - 1) === CLOSE) {
    parentheses = true;
    s++;
    e--;
  }
  let negative = false;
  let signed = false;
  if (s < e && isSignCode(raw.charCodeAt(s))) {
    negative = raw.charCodeAt(s) !== PLUS;
    signed = true;
    s++;
  }
  let marked = false;
  if (s < e) {
    const length = markerAt(raw, s, e);
    if (length > 0) {
      marked = true;
      s += length;
      while (s < e && isInlineSpace(raw.charCodeAt(s))) s++;
    }
  }
  if (!marked && e > s) {
    const length = markerBefore(raw, s, e);
    if (length > 0) {
      e -= length;
      while (e > s && isInlineSpace(raw.charCodeAt(e - 1))) e--;
    }
  }
  // $(1,234.00): parentheses inside the symbol.
  if (!parentheses && !signed && e - s >= 2 && raw.charCodeAt(s) === OPEN && raw.charCodeAt(e - 1) === CLOSE) {
    parentheses = true;
    s++;
    e--;
  }
  if (parentheses && signed) return Number.NaN;
  // A sign after the marker ($-5) is left to the decimal scanner; a second sign (-$-5) is not allowed.
  const value = scanDecimal(raw, s, e, syntax, !signed && !parentheses, 0);
  if (Number.isNaN(value) || value === 0) return value;
  return negative || parentheses ? -value : value;
}

