import { describe, expect, it } from 'vitest';
import { KeyCell, hashesOf } from '../../../src/core/compute/key-cell.js';
import type { Scalar } from '../../../src/core/expression/runtime.js';
import { makeByteValueParser } from '../../../src/core/values/index.js';
import { RecordFields } from '../../../src/io/csv/record-fields.js';
import { splitRecord } from '../../../src/io/csv/split-record.js';
import { compileDecode } from '../../../src/io/data/compile-decode.js';

/** Decodes one CSV line whose fields are: id, score (integer), region (string), note (no byte parser). */
function decodeLine(line: string) {
  const record = new RecordFields('t.csv');
  const bytes = Buffer.from(`${line}\n`);
  splitRecord(record, bytes, 0, bytes.length, true, 0x2c);
  record.bytes = bytes;
  const values: Scalar[] = [null, null, null, null];
  const invalid = new Uint8Array(4);
  const key = new KeyCell();
  const byText: number[] = [];
  const decode = compileDecode({
    // The file's field order differs from the slots'.
    fields: [3, 0, 1, 2],
    parsers: [null, makeByteValueParser({ type: 'integer', decimal: '.', timezone: 'UTC' }), makeByteValueParser({ type: 'string', decimal: '.', timezone: 'UTC', missingTokens: [] }), null],
    keySlot: 0,
    values,
    invalid,
    key,
    decodeText: (_record, slot) => {
      byText.push(slot);
      values[slot] = `text ${slot}`;
      invalid[slot] = 0;
    },
  });
  const keyFromBytes = decode(record);
  return { keyFromBytes, values, byText, key };
}

describe('compileDecode', () => {
  it('reads plain cells in place, trimmed, and the key as its dense id', () => {
    const { keyFromBytes, values, byText, key } = decodeLine(' 9 , EMEA ,hello,R-12');
    expect(keyFromBytes).toBe(true);
    expect(values).toEqual([null, 9, 'EMEA', 'text 3']);
    expect(byText).toEqual([3]);
    expect([key.present, key.id >= 0]).toEqual([true, true]);
  });

  it('sends a quoted cell with an escaped quote, and a cell its byte parser refuses, to the text path', () => {
    const { values, byText } = decodeLine('nine,"a ""b""",x,R-1');
    expect(byText).toEqual([1, 2, 3]);
    expect(values.slice(1)).toEqual(['text 1', 'text 2', 'text 3']);
  });

  it('reads a simple quoted cell in place, and a blank cell as missing', () => {
    const { values, byText } = decodeLine('"7",  ,x,R-1');
    expect(values.slice(1, 3)).toEqual([7, null]);
    expect(byText).toEqual([3]);
  });

  it('marks a blank key absent, hashes an ASCII key with no dense id, and gives a non-ASCII key to the text path', () => {
    expect(decodeLine('1,a,x,   ').key.present).toBe(false);
    const hashed = decodeLine('1,a,x,R-0042').key;
    expect([hashed.id, hashed.h1, hashed.h2]).toEqual([-1, ...hashesOf('R-0042')]);
    const accented = decodeLine('1,a,x,Zoë');
    expect(accented.keyFromBytes).toBe(false);
    expect(accented.byText).toContain(0);
    expect(accented.values[0]).toBe('text 0');
  });
});
