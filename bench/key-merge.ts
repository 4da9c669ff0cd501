// How long merging 10.2M distinct keys into the main key set takes, in pieces of 60,000
// (one 4 MiB piece of the survey export): the main thread's key work at 10M rows. KeySet.addAll
// (a piece at once, rolled back on a repeated key) against adding one by one in file order,
// as a single-threaded read does. Run for keys with a dense id (`R-123`, kept by id in chunks
// written in order) and for keys without one (`R-0123`, in the hash table: each insert into the
// 256 MB table is a cache miss; adding a piece in home-slot order with the slots read ahead was
// tried and measured no faster). Lines are those of an export with a line break inside a quoted
// field in one row in eight; the memory the set holds at the end is printed too (chunks of ids
// passed in order are packed).
//   node bench/run.mjs key-merge
import { KeyCell } from '../src/core/compute/key-cell.js';
import { KeySet, type LoggedKeys } from '../src/core/compute/key-set.js';

const PIECES = 170;
const PER_PIECE = 60_000;

function pieces(keyOf: (i: number) => string): LoggedKeys[] {
  const cell = new KeyCell();
  return Array.from({ length: PIECES }, (_, p) => {
    const hashes = new Uint32Array(PER_PIECE * 2);
    const ids = new Float64Array(PER_PIECE);
    const locations = new Float64Array(PER_PIECE);
    for (let i = 0; i < PER_PIECE; i++) {
      cell.setText(keyOf(p * PER_PIECE + i));
      hashes[i * 2] = cell.h1;
      hashes[i * 2 + 1] = cell.h2;
      ids[i] = cell.id;
      const row = p * PER_PIECE + i;
      locations[i] = 2 + row + Math.floor(row / 8);
    }
    return { hashes, ids, locations, size: PER_PIECE };
  });
}

function time(label: string, merge: (set: KeySet, log: LoggedKeys) => void, logs: readonly LoggedKeys[]): void {
  const set = new KeySet();
  let ms = 0;
  for (const [k, log] of logs.entries()) {
    const t = performance.now();
    merge(set, log);
    // Sized once after the first piece, as the coordinator does: for the share of keys without a dense id.
    if (k === 0) set.reserve(PIECES * PER_PIECE);
    ms += performance.now() - t;
  }
  if (set.size !== PIECES * PER_PIECE) throw new Error(`${label}: ${set.size} keys`);
  const held = `${(set.bytes / 1e6).toFixed(1)} MB held, ${((set.bytes * 8) / set.size).toFixed(1)} bits a key`;
  console.log(`${label.padEnd(28)} ${(ms / 1000).toFixed(2)} s for ${set.size.toLocaleString('en-US')} keys (${((ms * 1e6) / set.size).toFixed(0)} ns a key; ${held})`);
}

const forms: [string, (i: number) => string][] = [
  ['dense ids (R-123)', (i) => `R-${i}`],
  ['hashed keys (R-0123)', (i) => `R-0${i}`],
];
for (const [form, keyOf] of forms) {
  const logs = pieces(keyOf);
  console.log(form);
  time('one by one, in file order', (set, log) => {
    for (let i = 0; i < log.size; i++) set.add(log.hashes[i * 2]!, log.hashes[i * 2 + 1]!, log.ids[i]!, log.locations[i]!);
  }, logs);
  time('addAll', (set, log) => {
    if (!set.addAll(log, 0)) throw new Error('a repeated key');
  }, logs);
}
