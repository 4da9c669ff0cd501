import type { KeyCell } from '../../core/compute/key-cell.js';
import type { Scalar } from '../../core/expression/runtime.js';
import { FALLBACK, type ByteValueParser } from '../../core/values/index.js';
import { QUOTED_COMPLEX, type RecordFields } from '../csv/record-fields.js';

/** Decodes one record's planned cells into `values`/`invalid`; true when the key was read from its bytes into the KeyCell. */
export type DecodeFields = (record: RecordFields) => boolean;

export interface DecodeLayout {
  /** The record's field holding each slot. */
  readonly fields: readonly number[];
  /** Each slot's byte parser, or null when its cells always take the text path. */
  readonly parsers: readonly (ByteValueParser | null)[];
  /** The slot whose plain ASCII cell is read straight into `key` (its dense id or hashes), or -1. */
  readonly keySlot: number;
  readonly values: Scalar[];
  readonly invalid: Uint8Array;
  readonly key: KeyCell;
  /** The text path for one slot (a quoted cell with `""`, a cell its byte parser did not take). */
  readonly decodeText: (record: RecordFields, slot: number) => void;
}

function isAsciiSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13);
}

/**
 * The decoding of a record's cells, generated for one header as straight-line code. Each cell's
 * byte parser is called from a site of its own, where a loop over the slots would call five
 * kinds of parser from one megamorphic site. A site that sees one function stays a direct call
 * (V8 inlines within a size budget, which this function's size mostly uses up, so most parsers
 * are called rather than inlined; see docs/performance.md). A
 * cell is trimmed of ASCII spaces in place; blank is missing; what the byte parser does not take
 * goes to the text path. The code is built from slot and field numbers only, never from input.
 */
export function compileDecode(layout: DecodeLayout): DecodeFields {
  const lines: string[] = [];
  for (let slot = 0; slot < layout.fields.length; slot++) {
    const field = layout.fields[slot]!;
    const isKey = slot === layout.keySlot;
    if (!isKey && layout.parsers[slot] === null) {
      lines.push(`text(record, ${slot});`);
      continue;
    }
    const read = isKey
      ? `if (s === e) key.present = false; else if (!key.setAsciiBytes(bytes, s, e)) { text(record, ${slot}); keyBytes = false; }`
      : `if (s === e) { values[${slot}] = null; invalid[${slot}] = 0; } else { v = p${slot}(bytes, s, e); if (v === FALLBACK) text(record, ${slot}); else { values[${slot}] = v; invalid[${slot}] = 0; } }`;
    lines.push(
      `if (kinds === null || kinds[first + ${field}] !== ${QUOTED_COMPLEX}) {`,
      `  s = starts[first + ${field}]; e = ends[first + ${field}];`,
      '  while (s < e && space(bytes[s])) s++;',
      '  while (e > s && space(bytes[e - 1])) e--;',
      `  ${read}`,
      isKey ? `} else { text(record, ${slot}); keyBytes = false; }` : `} else text(record, ${slot});`,
    );
    // Nothing reads a key read from its bytes as a value.
    if (isKey) lines.push(`if (keyBytes) { values[${slot}] = null; invalid[${slot}] = 0; }`);
  }
  const body = [
    'return function decodeFields(record) {',
    '  const bytes = record.bytes, starts = record.starts, ends = record.ends, first = record.first, kinds = record.quoted ? record.kinds : null;',
    `  let s = 0, e = 0, v = null, keyBytes = ${layout.keySlot >= 0};`,
    ...lines.map((line) => `  ${line}`),
    '  return keyBytes;',
    '};',
  ].join('\n');
  const names = layout.parsers.map((_, slot) => `p${slot}`);
  const make = new Function('values', 'invalid', 'key', 'space', 'text', 'FALLBACK', ...names, body) as (...args: unknown[]) => DecodeFields;
  return make(layout.values, layout.invalid, layout.key, isAsciiSpace, layout.decodeText, FALLBACK, ...layout.parsers);
}
