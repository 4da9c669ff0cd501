/**
 * rmos's cell rules as regular expressions, written without backslashes so that one
 * pattern reads the same in RE2, Java, POSIX and PostgreSQL engines. They decide
 * whether a trimmed cell is valid; the conversions in cell-sql.ts run only on valid cells.
 */
export type DecimalMark = '.' | ',';

const SIGN = '[-+−]';
const INLINE_SPACE = '[  \u202f]';
/** Currency symbols rmos knows (see core/values/parse-currency.ts). */
const SYMBOLS = '$€£¥₹₩₽₺₪₫₴₦₱฿';
const MARKER = `([${SYMBOLS}]|[A-Z]{3}|[A-Z]{1,2}[$])`;

/** Characters that may group thousands besides the other decimal mark. */
export const GROUP_SPACES = [' ', '\u00a0', '\u202f', "'", '\u2019'];

export function thousandsMark(decimal: DecimalMark): string {
  return decimal === '.' ? ',' : '.';
}

/** Whole part: 1,234,567 in correct groups of three (one kind of separator, no lone leading zero), or plain digits. */
function wholePart(decimal: DecimalMark): string {
  const grouped = [thousandsMark(decimal), ...GROUP_SPACES].map((sep) => `[1-9][0-9]{0,2}([${sep}][0-9]{3})+`);
  return `(${[...grouped, '[0-9]+'].join('|')})`;
}

function unsigned(decimal: DecimalMark, integerOnly: boolean): string {
  const fraction = integerOnly ? `[${decimal}]0+` : `[${decimal}][0-9]+`;
  return `(${wholePart(decimal)}(${fraction})?|${fraction})`;
}

export function integerPattern(decimal: DecimalMark): string {
  return `^${SIGN}?${unsigned(decimal, true)}$`;
}

export function numberPattern(decimal: DecimalMark): string {
  return `^${SIGN}?${unsigned(decimal, false)}([eE]${SIGN}?[0-9]+)?$`;
}

export function percentPattern(decimal: DecimalMark): string {
  return `^${SIGN}?${unsigned(decimal, false)}(${INLINE_SPACE}*%)?$`;
}

/**
 * Currency: at most one marker before or after the amount, a sign before (or just
 * after a leading marker), or accounting parentheses around the amount or inside a
 * leading marker: $1,234.50  -$5  $-5  (1,234.00)  ($5)  $(5)  1.234,56 €  EUR 12  US$ 5.
 */
export function currencyPattern(decimal: DecimalMark): string {
  const n = unsigned(decimal, false);
  const pre = `(${MARKER}${INLINE_SPACE}*)`;
  const post = `(${INLINE_SPACE}*${MARKER})`;
  const forms = [
    `[(]${pre}?${n}[)]`,
    `[(]${n}${post}?[)]`,
    `${SIGN}${pre}?${n}`,
    `${SIGN}${n}${post}?`,
    `${pre}${SIGN}?${n}`,
    `${n}${post}?`,
    `${pre}[(]${n}[)]`,
    `[(]${n}[)]${post}`,
  ];
  return `^(${forms.join('|')})$`;
}

/** A currency or number cell is negative when it has a minus sign or parentheses. */
export const NEGATIVE_PATTERN = '^.*[-−(].*$';

export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

const TIME_PART = '[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]{1,9})?)?';
/** ISO 8601 as exports write it (core/values/parse-iso-timestamp.ts). */
export const TIMESTAMP_PATTERN = `^[0-9]{4}-[0-9]{2}-[0-9]{2}(${TIME_PART} ?(Z|z|UTC|${SIGN}[0-9]{2}(:?[0-9]{2})?)?)?$`;
/** Everything before the offset, to cut the offset off. */
export const TIMESTAMP_HEAD = `^[0-9]{4}-[0-9]{2}-[0-9]{2}(${TIME_PART})?`;

export const TRUE_TOKENS = ['true', 'yes', 'y', 't', '1'];
export const FALSE_TOKENS = ['false', 'no', 'n', 'f', '0'];

/**
 * Characters trimmed from both ends of a cell: spaces, tabs, no-break and typographic
 * spaces and a stray byte order mark. Line breaks, which rmos also trims, are left out so
 * the SQL stays one statement a person can read (a number cell never ends in one).
 */
export const TRIM_PATTERN = '^[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\ufeff]+|[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\ufeff]+$';
