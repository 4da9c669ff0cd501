/**
 * Character-code helpers for reading a cell without copying it: parsers work
 * on the range [start, end) of the raw string, so a valid cell costs no
 * allocation at all.
 */

/** The characters String.prototype.trim removes (Unicode white space, line terminators, BOM). */
export function isTrimmable(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Spaces that may sit between a number and its currency symbol or percent sign. */
export function isInlineSpace(c: number): boolean {
  return c === 32 || c === 160 || c === 0x202f;
}

export function trimStartIndex(raw: string): number {
  let i = 0;
  while (i < raw.length && isTrimmable(raw.charCodeAt(i))) i++;
  return i;
}

export function trimEndIndex(raw: string, start: number): number {
  let e = raw.length;
  while (e > start && isTrimmable(raw.charCodeAt(e - 1))) e--;
  return e;
}

function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * Whether raw[start, end) equals `lowerToken` ignoring case. The token must
 * already be lower case; non-ASCII tokens fall back to toLowerCase.
 */
export function equalsIgnoreCase(raw: string, start: number, end: number, lowerToken: string): boolean {
  if (end - start !== lowerToken.length) return false;
  for (let i = 0; i < lowerToken.length; i++) {
    const t = lowerToken.charCodeAt(i);
    if (t > 127) return raw.slice(start, end).toLowerCase() === lowerToken;
    if (asciiLower(raw.charCodeAt(start + i)) !== t) return false;
  }
  return true;
}

const MAX_SHOWN = 40;

/** The cell as it appears in messages: quoted, and cut short so a stray paragraph does not flood the report. */
export function quoteCell(raw: string, start: number, end: number): string {
  const text = end - start > MAX_SHOWN ? `${raw.slice(start, start + MAX_SHOWN - 1)}…` : raw.slice(start, end);
  return `"${text}"`;
}

/** The cell unquoted (for range messages such as `11 is above the maximum 10`), cut short like quoteCell. */
export function cellText(raw: string, start: number, end: number): string {
  return end - start > MAX_SHOWN ? `${raw.slice(start, start + MAX_SHOWN - 1)}…` : raw.slice(start, end);
}
