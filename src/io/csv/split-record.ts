import { PLAIN, QUOTED_COMPLEX, QUOTED_SIMPLE, type RecordFields } from './record-fields.js';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** splitRecord result: the record needs bytes that have not arrived yet. */
export const NEED_MORE = -1;
/** splitRecord result: end of input inside a quoted field (fields.openQuoteAt says where it opened). */
export const UNTERMINATED = -2;

/**
 * Fast path for a record known to contain no quote, ending at `lineEnd` (its LF, or the end of
 * input): only the delimiter needs comparing, and no field needs unquoting.
 */
export function splitPlainLine(fields: RecordFields, bytes: Uint8Array, start: number, lineEnd: number, delimiter: number): void {
  fields.useOwn();
  let starts = fields.starts;
  let ends = fields.ends;
  let count = 0;
  let fieldStart = start;
  for (let p = start; p < lineEnd; p++) {
    if (bytes[p] === delimiter) {
      if (count === starts.length - 1) {
        fields.grow(); // always leave room for the last field
        starts = fields.starts;
        ends = fields.ends;
      }
      starts[count] = fieldStart;
      ends[count] = p;
      count++;
      fieldStart = p + 1;
    }
  }
  starts[count] = fieldStart;
  ends[count] = lineEnd > fieldStart && bytes[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
  fields.fieldCount = count + 1;
  fields.quoted = false;
  fields.recordStart = start;
  fields.openQuoteAt = -1;
}

/**
 * Splits the record starting at `start` into field offsets stored in `fields`, and returns the
 * offset just past its line terminator (or `end` at end of input), NEED_MORE or UNTERMINATED.
 *
 * It is stateless on purpose: an incomplete record is simply split again from its start once
 * more bytes are buffered. The scanner only retries once it has added at least as many bytes as
 * the unfinished record holds, so rescanning stays linear even for a 100 MB line, and chunk
 * boundaries need no extra state.
 *
 * Quoting follows RFC 4180 for a field whose first byte is `"`. A quote later in an unquoted
 * field is data (`ab"c`), and text after a closing quote is kept (`"ab"c` is `abc`), like Excel.
 * A CR directly before the terminating LF belongs to the line ending and is dropped.
 * `plainUntil`: an offset before which the record is known to hold no quote and no line
 * break (the caller found its first quote), so the fields before it are split faster.
 */
export function splitRecord(fields: RecordFields, bytes: Uint8Array, start: number, end: number, final: boolean, delimiter: number, plainUntil = start): number {
  fields.useOwn();
  let starts = fields.starts;
  let ends = fields.ends;
  let kinds = fields.kinds;
  let count = 0;
  let newlines = 0;
  let p = start;
  fields.openQuoteAt = -1;

  // Fields that end before `plainUntil` (the record's first quote, before its first line
  // break) hold no quote and no line break: only the delimiter needs comparing.
  for (let q = start; q < plainUntil; q++) {
    if (bytes[q] !== delimiter) continue;
    if (count === starts.length) {
      fields.grow();
      starts = fields.starts;
      ends = fields.ends;
      kinds = fields.kinds;
    }
    starts[count] = p;
    ends[count] = q;
    kinds[count] = PLAIN;
    count++;
    p = q + 1;
  }

  for (;;) {
    if (count === starts.length) {
      fields.grow();
      starts = fields.starts;
      ends = fields.ends;
      kinds = fields.kinds;
    }
    let fieldStart = p;
    let fieldEnd: number;
    let kind = PLAIN;

    if (p < end && bytes[p] === QUOTE) {
      const open = p++;
      kind = QUOTED_SIMPLE;
      let close: number;
      for (;;) {
        if (p >= end) {
          fields.openQuoteAt = open;
          return final ? UNTERMINATED : NEED_MORE;
        }
        const b = bytes[p]!;
        if (b === QUOTE) {
          if (p + 1 >= end && !final) {
            // Cannot tell a closing quote from the first half of `""` yet.
            fields.openQuoteAt = open;
            return NEED_MORE;
          }
          if (p + 1 < end && bytes[p + 1] === QUOTE) {
            kind = QUOTED_COMPLEX;
            p += 2;
            continue;
          }
          close = p++;
          break;
        }
        if (b === LF) newlines++;
        p++;
      }
      const afterClose = p;
      while (p < end) {
        const b = bytes[p]!;
        if (b === delimiter || b === LF) break;
        p++;
      }
      if (p >= end && !final) return NEED_MORE;
      let tail = p;
      if (tail > afterClose && bytes[tail - 1] === CR && (p >= end || bytes[p] === LF)) tail--;
      if (tail > afterClose) {
        kind = QUOTED_COMPLEX;
        fieldEnd = tail;
      } else if (kind === QUOTED_SIMPLE) {
        fieldStart = open + 1;
        fieldEnd = close;
      } else {
        fieldEnd = close + 1;
      }
    } else {
      while (p < end) {
        const b = bytes[p]!;
        if (b === delimiter || b === LF) break;
        p++;
      }
      if (p >= end && !final) return NEED_MORE;
      fieldEnd = p;
      if (fieldEnd > fieldStart && bytes[fieldEnd - 1] === CR && (p >= end || bytes[p] === LF)) fieldEnd--;
    }

    starts[count] = fieldStart;
    ends[count] = fieldEnd;
    kinds[count] = kind;
    count++;

    if (p >= end) break; // end of input (final): the last record has no terminator
    if (bytes[p] === LF) {
      newlines++;
      p++;
      break;
    }
    p++; // delimiter: another field follows, possibly empty
  }

  fields.fieldCount = count;
  fields.newlines = newlines;
  fields.quoted = true;
  fields.recordStart = start;
  return p;
}
