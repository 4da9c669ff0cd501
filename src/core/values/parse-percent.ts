import { isInlineSpace } from './cell-text.js';
import { type DecimalSyntax, scanDecimal } from './parse-decimal.js';

const PERCENT = 37;

/**
 * A percentage as a fraction: '45%' and '45 %' → 0.45. A bare number is
 * taken as already being a fraction ('0.45' → 0.45), because that is how
 * spreadsheets export percent-formatted cells as plain values.
 */
export function scanPercent(raw: string, start: number, end: number, syntax: DecimalSyntax): number {
  if (raw.charCodeAt(end - 1) !== PERCENT) return scanDecimal(raw, start, end, syntax, true, 0);
  let e = end - 1;
  while (e > start && isInlineSpace(raw.charCodeAt(e - 1))) e--;
  return scanDecimal(raw, start, e, syntax, true, -2);
}
