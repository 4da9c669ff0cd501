import type { Delimiter } from './csv-types.js';

const LF = 0x0a;
const QUOTE = 0x22;

/** Candidates in tie-break order. */
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];

/**
 * Picks the delimiter of the header line starting at `start`: the candidate occurring most often
 * outside quotes, ties broken in the order , ; tab |; ',' when none occurs (a one-column file).
 * Returns null when the header line is not complete in bytes[start, end) and more input may come.
 *
 * Quotes are tracked by simple toggling, since where a field starts depends on the delimiter we
 * are trying to find; for a header line the two agree in practice.
 */
export function sniffDelimiter(bytes: Uint8Array, start: number, end: number, final: boolean): Delimiter | null {
  const counts = [0, 0, 0, 0];
  let quoted = false;
  let p = start;
  for (; p < end; p++) {
    const b = bytes[p]!;
    if (b === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (b === LF) break;
    else if (b === 0x2c) counts[0]!++;
    else if (b === 0x3b) counts[1]!++;
    else if (b === 0x09) counts[2]!++;
    else if (b === 0x7c) counts[3]!++;
  }
  if (p >= end && !final) return null;
  let best = 0;
  for (let i = 1; i < counts.length; i++) {
    if (counts[i]! > counts[best]!) best = i;
  }
  return CANDIDATES[best]!;
}
