import type { FileHandle } from 'node:fs/promises';
import { RecordFields } from '../csv/record-fields.js';
import { splitRecord } from '../csv/split-record.js';

const LF = 0x0a;
const PROBE_BYTES = 64 * 1024;
/** Records after a candidate start that must split into the header's width. */
const CHECKED_RECORDS = 8;

/** What a candidate start is checked against. */
export interface SplitShape {
  readonly width: number;
  readonly delimiter: number;
}

/**
 * Candidate piece starts: `from`, then for every `size` bytes the first line start after it
 * from which the next records split into the header's width, then the end of the file.
 *
 * A line feed inside a quoted field (a comment with a newline) looks like a line start;
 * reading on from it as if it were one soon gives a record of the wrong width (the rest of
 * the comment, then a quote that opens a "field" running to the next quote), so such
 * candidates are skipped. The check is a heuristic: a candidate may still lie inside a quoted
 * field, and the coordinator checks each one against where the previous piece really ended.
 */
export async function splitPoints(handle: FileHandle, from: number, fileSize: number, size: number, shape: SplitShape): Promise<number[]> {
  const points = [from];
  const probe = Buffer.allocUnsafe(PROBE_BYTES);
  const fields = new RecordFields('');
  for (let nominal = from + size; nominal < fileSize; nominal += size) {
    let at = Math.max(nominal, points[points.length - 1]!);
    let found = fileSize;
    let fallback = -1; // the first line start, when none passes the check in the probe
    search: while (at < fileSize) {
      const { bytesRead } = await handle.read(probe, 0, probe.length, at);
      if (bytesRead === 0) break;
      const final = at + bytesRead >= fileSize;
      let lf = probe.indexOf(LF);
      while (lf >= 0 && lf < bytesRead) {
        if (fallback < 0) fallback = at + lf + 1;
        if (startsRecords(fields, probe, lf + 1, bytesRead, final, shape)) {
          found = at + lf + 1;
          break search;
        }
        lf = probe.indexOf(LF, lf + 1);
      }
      if (fallback >= 0) {
        found = fallback;
        break;
      }
      at += bytesRead;
    }
    if (found >= fileSize) break;
    if (found > points[points.length - 1]!) points.push(found);
  }
  points.push(fileSize);
  return points;
}

/** Whether the records from `start` split into the header's width, as far as the probe holds them (at least one). */
function startsRecords(fields: RecordFields, bytes: Buffer, start: number, end: number, final: boolean, shape: SplitShape): boolean {
  let p = start;
  for (let k = 0; k < CHECKED_RECORDS; k++) {
    if (p >= end) return k > 0 || final;
    const next = splitRecord(fields, bytes, p, end, final, shape.delimiter);
    if (next < 0) return k > 0; // the probe ends inside the record (or an unterminated quote)
    if (fields.fieldCount !== shape.width && !(fields.fieldCount === 1 && next - p <= 2)) return false;
    p = next;
  }
  return true;
}
