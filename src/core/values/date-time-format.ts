import { type DateTimeFields, scanOffset } from './date-time-fields.js';

/**
 * Explicit date and timestamp layouts such as 'DD.MM.YYYY' or
 * 'MM/DD/YYYY hh:mm A', compiled once per column and matched by character
 * codes. Tokens:
 *
 *   YYYY year · MM / DD month, day (2 digits) · M / D (1–2 digits)
 *   HH / H hour (H: 1–2 digits; hh / h are accepted spellings) · mm minute · ss second
 *   SSS milliseconds · A AM/PM (makes the hour 1–12) · Z offset (Z, ±HH, ±HHmm, ±HH:mm)
 *
 * Any other non-letter, the letter T, and text in [brackets] are literal.
 * Variable-width tokens read greedily, so 'MD' without a separator is ambiguous.
 */

const LITERAL = 0;
const YEAR = 1;
const MONTH = 2;
const DAY = 3;
const HOUR = 4;
const MINUTE = 5;
const SECOND = 6;
const MILLISECOND = 7;
const MERIDIEM = 8;
const OFFSET = 9;

interface FormatToken {
  readonly kind: number;
  readonly minDigits: number;
  readonly maxDigits: number;
  readonly literal: number;
}

export interface CompiledFormat {
  readonly text: string;
  readonly tokens: readonly FormatToken[];
}

const TOKEN_SPELLINGS: readonly (readonly [string, number, number, number])[] = [
  ['YYYY', YEAR, 4, 4],
  ['SSS', MILLISECOND, 3, 3],
  ['MM', MONTH, 2, 2],
  ['DD', DAY, 2, 2],
  ['HH', HOUR, 2, 2],
  ['hh', HOUR, 2, 2],
  ['mm', MINUTE, 2, 2],
  ['ss', SECOND, 2, 2],
  ['M', MONTH, 1, 2],
  ['D', DAY, 1, 2],
  ['H', HOUR, 1, 2],
  ['h', HOUR, 1, 2],
  ['A', MERIDIEM, 0, 0],
  ['a', MERIDIEM, 0, 0],
  ['Z', OFFSET, 0, 0],
];

const DATE_KINDS = new Set([LITERAL, YEAR, MONTH, DAY]);

function isAsciiLetter(c: string): boolean {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/** Compiles a layout; throws an Error naming the problem when the layout itself is unusable. */
export function compileFormat(text: string, allowTime: boolean): CompiledFormat {
  const tokens: FormatToken[] = [];
  const literal = (ch: string): void => {
    tokens.push({ kind: LITERAL, minDigits: 0, maxDigits: 0, literal: ch.charCodeAt(0) });
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '[') {
      const close = text.indexOf(']', i + 1);
      if (close < 0) throw new Error(`format "${text}" has an unclosed [`);
      for (const c of text.slice(i + 1, close)) literal(c);
      i = close + 1;
      continue;
    }
    const spelling = TOKEN_SPELLINGS.find(([s]) => text.startsWith(s, i));
    if (spelling !== undefined) {
      const [s, kind, minDigits, maxDigits] = spelling;
      tokens.push({ kind, minDigits, maxDigits, literal: 0 });
      i += s.length;
      continue;
    }
    if (isAsciiLetter(ch) && ch !== 'T') throw new Error(`format "${text}" has an unknown token at "${text.slice(i)}"`);
    literal(ch);
    i++;
  }
  const count = (kind: number): number => tokens.filter((t) => t.kind === kind).length;
  for (const [kind, name] of [[YEAR, 'YYYY'], [MONTH, 'MM or M'], [DAY, 'DD or D']] as const) {
    if (count(kind) !== 1) throw new Error(`format "${text}" must contain ${name} exactly once`);
  }
  if (!allowTime && tokens.some((t) => !DATE_KINDS.has(t.kind))) {
    throw new Error(`date format "${text}" may only use YYYY, MM, DD, M and D`);
  }
  for (const kind of [HOUR, MINUTE, SECOND, MILLISECOND, MERIDIEM, OFFSET]) {
    if (count(kind) > 1) throw new Error(`format "${text}" repeats a time token`);
  }
  if (count(HOUR) === 0 && (count(MINUTE) > 0 || count(MERIDIEM) > 0)) {
    throw new Error(`format "${text}" has minutes or AM/PM but no hour`);
  }
  return { text, tokens };
}

function isMeridiem(raw: string, i: number, end: number, f: DateTimeFields): boolean {
  if (i + 2 > end) return false;
  const first = raw.charCodeAt(i) | 32;
  const second = raw.charCodeAt(i + 1) | 32;
  if (second !== 109) return false; // 'm'
  if (first === 97) f.meridiem = 1;
  else if (first === 112) f.meridiem = 2;
  else return false;
  return true;
}

/** Reads raw[start, end) with a compiled layout into `f` (which the caller has reset). False when the shape differs. */
export function matchFormat(raw: string, start: number, end: number, format: CompiledFormat, f: DateTimeFields): boolean {
  let i = start;
  const tokens = format.tokens;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.kind === LITERAL) {
      if (i >= end || raw.charCodeAt(i) !== token.literal) return false;
      i++;
    } else if (token.kind === MERIDIEM) {
      if (!isMeridiem(raw, i, end, f)) return false;
      i += 2;
    } else if (token.kind === OFFSET) {
      i = scanOffset(raw, i, end, f);
      if (i < 0) return false;
    } else {
      let value = 0;
      let digits = 0;
      while (digits < token.maxDigits && i < end) {
        const d = raw.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        value = value * 10 + d;
        digits++;
        i++;
      }
      if (digits < token.minDigits) return false;
      switch (token.kind) {
        case YEAR: f.year = value; break;
        case MONTH: f.month = value; break;
        case DAY: f.day = value; break;
        case HOUR: f.hour = value; break;
        case MINUTE: f.minute = value; break;
        case SECOND: f.second = value; break;
        default: f.millisecond = value; break;
      }
    }
  }
  return i === end;
}
