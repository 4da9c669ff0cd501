import { MS_PER_DAY, daysFromCivil, daysInMonth, isRealDate } from '../periods/epoch-day.js';
import { instantFromLocal } from '../periods/time-zone.js';
import { DEFAULT_MISSING_TOKENS } from './missing-tokens.js';
import type { Value, ValueOptions } from './value-types.js';

/**
 * A cell parser over UTF-8 bytes for the common shapes only: plain integers and decimals,
 * boolean words, `YYYY-MM-DD` dates, `YYYY-MM-DD[T ]HH:MM:SS[Z]` timestamps and short ASCII
 * strings. It returns FALLBACK for anything else (and for every invalid cell); the caller
 * then decodes the text and runs the full parser (makeValueParser), which owns the rules and
 * the messages. So a fast result is always the value the full parser would give.
 */
export type ByteValueParser = (bytes: Uint8Array, start: number, end: number) => Value | typeof FALLBACK;

export const FALLBACK: unique symbol = Symbol('fallback');

/** Distinct values a string column interns; past this (ids, comments) cells take the text path. */
const MAX_INTERNED = 1024;
const MAX_INTERNED_LENGTH = 64;
const NOT_A_DAY = -1e9;

function isAsciiSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13);
}

/** Two ASCII digits at i as a number, or -1. */
function twoDigits(bytes: Uint8Array, i: number): number {
  const a = bytes[i]! - 48;
  const b = bytes[i + 1]! - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Four ASCII digits at i as a number, or -1. */
function fourDigits(bytes: Uint8Array, i: number): number {
  const high = twoDigits(bytes, i);
  const low = twoDigits(bytes, i + 2);
  return high < 0 || low < 0 ? -1 : high * 100 + low;
}

const EXACT_POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `[+-]digits[mark digits]` with at most 15 digits in all: the shape scanDecimal computes as
 * mantissa / 10^fraction, so the result is the same double. `integerOnly` accepts only a zero
 * fraction (9.0 is 9), as integer columns do.
 */
function scanPlainDecimal(bytes: Uint8Array, start: number, end: number, mark: number, integerOnly: boolean): number | typeof FALLBACK {
  let i = start;
  let negative = false;
  const first = bytes[i];
  if (first === 45) {
    negative = true;
    i++;
  } else if (first === 43) i++;
  let mantissa = 0;
  const intStart = i;
  while (i < end) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    i++;
  }
  const intDigits = i - intStart;
  if (intDigits === 0) return FALLBACK;
  let fraction = 0;
  if (i < end) {
    if (bytes[i] !== mark) return FALLBACK;
    i++;
    const fracStart = i;
    while (i < end) {
      const d = bytes[i]! - 48;
      if (d < 0 || d > 9 || (integerOnly && d !== 0)) return FALLBACK;
      mantissa = mantissa * 10 + d;
      i++;
    }
    fraction = i - fracStart;
    if (fraction === 0) return FALLBACK;
  }
  if (intDigits + fraction > 15) return FALLBACK;
  const value = fraction === 0 ? mantissa : mantissa / EXACT_POWERS_OF_TEN[fraction]!;
  if (value === 0) return 0;
  return negative ? -value : value;
}

/** Out-of-range values fall back too: the full parser words the message. */
function numericParser(options: ValueOptions, integerOnly: boolean): ByteValueParser {
  const mark = options.decimal.charCodeAt(0);
  const lo = options.min ?? Number.NEGATIVE_INFINITY;
  const hi = options.max ?? Number.POSITIVE_INFINITY;
  return (bytes, start, end) => {
    const value = scanPlainDecimal(bytes, start, end, mark, integerOnly);
    if (value === FALLBACK || value < lo || value > hi) return FALLBACK;
    return value;
  };
}

const encoder = new TextEncoder();

/** Printable-ASCII words as bytes; other words can never equal an all-ASCII cell. */
function wordsAsBytes(words: readonly string[]): Uint8Array[] {
  return words.filter((w) => /^[\x20-\x7e]+$/.test(w)).map((w) => encoder.encode(w));
}

/** Whether bytes[start, end), ASCII-lowercased, equals the lower-case word. */
function equalsLower(bytes: Uint8Array, start: number, end: number, word: Uint8Array): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) {
    const b = bytes[start + k]!;
    if ((b >= 65 && b <= 90 ? b + 32 : b) !== word[k]) return false;
  }
  return true;
}

/** Longest cell packed into one number by packLower: 6 bytes and the length stay below 2^53. */
const PACKED_BYTES = 6;

/** ASCII bytes[start, end) lower-cased and packed with their length into one exact number; -1 past PACKED_BYTES or on a non-ASCII byte. */
function packLower(bytes: Uint8Array, start: number, end: number): number {
  if (end - start > PACKED_BYTES) return -1;
  let packed = end - start;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) return -1;
    packed = packed * 256 + (b >= 65 && b <= 90 ? b + 32 : b);
  }
  return packed;
}

/**
 * Missing tokens first, as in makeValueParser, then the true and false words. Every word of
 * up to six bytes is packed into a number, so a cell is matched by comparing one number with
 * each word's, instead of byte by byte with each word in turn.
 */
function booleanParser(missing: readonly Uint8Array[]): ByteValueParser {
  const words: [Uint8Array, boolean | null][] = [
    ...missing.map((w): [Uint8Array, null] => [w, null]),
    ...wordsAsBytes(['true', 'yes', 'y', 't', '1']).map((w): [Uint8Array, boolean] => [w, true]),
    ...wordsAsBytes(['false', 'no', 'n', 'f', '0']).map((w): [Uint8Array, boolean] => [w, false]),
  ];
  const short = words.filter(([w]) => w.length <= PACKED_BYTES);
  const packed = Float64Array.from(short, ([w]) => packLower(w, 0, w.length));
  const results = short.map(([, value]) => value);
  const long = words.filter(([w]) => w.length > PACKED_BYTES);
  return (bytes, start, end) => {
    const key = packLower(bytes, start, end);
    if (key >= 0) {
      for (let k = 0; k < packed.length; k++) if (packed[k] === key) return results[k]!;
      return FALLBACK;
    }
    for (const [word, value] of long) if (equalsLower(bytes, start, end, word)) return value;
    return FALLBACK;
  };
}

// Epoch day of the 1st and length of every month of 1900..2199, for the dates exports hold:
// a table read instead of the calendar arithmetic (divisions) for every cell.
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 300;
const MONTH_START = new Int32Array(TABLE_YEARS * 12);
const MONTH_DAYS = new Uint8Array(TABLE_YEARS * 12);
for (let i = 0; i < TABLE_YEARS * 12; i++) {
  const year = TABLE_FIRST_YEAR + Math.floor(i / 12);
  MONTH_START[i] = daysFromCivil(year, (i % 12) + 1, 1);
  MONTH_DAYS[i] = daysInMonth(year, (i % 12) + 1);
}

/** YYYY-MM-DD at start as an epoch day, or NOT_A_DAY when the shape or the date is wrong. */
function isoDay(bytes: Uint8Array, start: number): number {
  if (bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return NOT_A_DAY;
  const year = fourDigits(bytes, start);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  if (year < 0 || month < 1 || month > 12 || day < 1) return NOT_A_DAY;
  const at = (year - TABLE_FIRST_YEAR) * 12 + month - 1;
  if (at >= 0 && at < MONTH_START.length) return day <= MONTH_DAYS[at]! ? MONTH_START[at]! + day - 1 : NOT_A_DAY;
  return isRealDate(year, month, day) ? daysFromCivil(year, month, day) : NOT_A_DAY;
}

function dateParser(): ByteValueParser {
  return (bytes, start, end) => {
    if (end - start !== 10) return FALLBACK;
    const day = isoDay(bytes, start);
    return day === NOT_A_DAY ? FALLBACK : day;
  };
}

/** Other ISO shapes (fractions, offsets, no seconds) take the full parser. */
function timestampParser(timezone: string): ByteValueParser {
  return (bytes, start, end) => {
    const length = end - start;
    if (length !== 19 && length !== 20) return FALLBACK;
    const zulu = length === 20;
    if (zulu && bytes[start + 19] !== 90 && bytes[start + 19] !== 122) return FALLBACK;
    const sep = bytes[start + 10];
    if ((sep !== 84 && sep !== 116 && sep !== 32) || bytes[start + 13] !== 58 || bytes[start + 16] !== 58) return FALLBACK;
    const day = isoDay(bytes, start);
    const hour = twoDigits(bytes, start + 11);
    const minute = twoDigits(bytes, start + 14);
    const second = twoDigits(bytes, start + 17);
    if (day === NOT_A_DAY || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return FALLBACK;
    if (zulu) return day * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000;
    return instantFromLocal(fourDigits(bytes, start), twoDigits(bytes, start + 5), twoDigits(bytes, start + 8), hour, minute, second, 0, timezone);
  };
}

interface Interned {
  readonly bytes: Uint8Array;
  readonly text: string;
}

/**
 * ASCII text without surrounding spaces, interned: the first MAX_INTERNED distinct values
 * (regions, channels, segments) are decoded once and then found by their bytes, so a
 * dimension column builds no string per row. Values past the limit take the text path.
 */
function stringParser(options: ValueOptions): ByteValueParser {
  const allowed = options.values === undefined ? null : new Set(options.values.map((v) => v.trim()));
  let capacity = 256;
  let hashes = new Int32Array(capacity);
  let entries: (Interned | undefined)[] = new Array<Interned | undefined>(capacity);
  let count = 0;
  const grow = (): void => {
    const oldHashes = hashes;
    const oldEntries = entries;
    capacity *= 2;
    hashes = new Int32Array(capacity);
    entries = new Array<Interned | undefined>(capacity);
    for (let k = 0; k < oldEntries.length; k++) {
      if (oldEntries[k] === undefined) continue;
      let s = oldHashes[k]! & (capacity - 1);
      while (entries[s] !== undefined) s = (s + 1) & (capacity - 1);
      entries[s] = oldEntries[k];
      hashes[s] = oldHashes[k]!;
    }
  };
  return (bytes, start, end) => {
    if (end - start > MAX_INTERNED_LENGTH || isAsciiSpace(bytes[start]!) || isAsciiSpace(bytes[end - 1]!)) return FALLBACK;
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return FALLBACK;
      h = Math.imul(h ^ b, 0x01000193);
    }
    const mask = capacity - 1;
    let slot = h & mask;
    for (;;) {
      const entry = entries[slot];
      if (entry === undefined) break;
      if (hashes[slot] === h && sameBytes(entry.bytes, bytes, start, end)) return entry.text;
      slot = (slot + 1) & mask;
    }
    if (count >= MAX_INTERNED) return FALLBACK;
    const copy = new Uint8Array(bytes.subarray(start, end));
    const text = String.fromCharCode(...copy);
    if (allowed !== null && !allowed.has(text)) return FALLBACK;
    entries[slot] = { bytes: copy, text };
    hashes[slot] = h;
    if (++count * 2 > capacity) grow();
    return text;
  };
}

function sameBytes(a: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== bytes[start + k]) return false;
  return true;
}

/**
 * The fast parser for a column, or null when its options leave no common shape to speed up.
 * Cells are given trimmed of ASCII spaces and non-empty (blank is missing in every column).
 * A missing token with a digit (say `0` or `-1`) disables the fast path for numbers, dates
 * and timestamps, whose shapes all hold a digit: so no missing test is needed on them.
 */
export function makeByteValueParser(options: ValueOptions): ByteValueParser | null {
  const tokens = [...new Set((options.missingTokens ?? DEFAULT_MISSING_TOKENS).map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
  if (options.type === 'string') return tokens.length === 0 ? stringParser(options) : null;
  if (options.type === 'boolean') return booleanParser(wordsAsBytes(tokens));
  if (tokens.some((t) => /[0-9]/.test(t))) return null;
  switch (options.type) {
    case 'integer':
      return numericParser(options, true);
    case 'number':
      return numericParser(options, false);
    case 'date':
      return options.dateFormat === undefined || options.dateFormat === 'YYYY-MM-DD' ? dateParser() : null;
    case 'timestamp':
      return options.timestampFormat === undefined ? timestampParser(options.timezone) : null;
    default:
      return null; // currency and percent: symbols, groups and signs are the full parser's job
  }
}
