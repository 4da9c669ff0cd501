// How long the byte-level parsers take per cell for the shapes of the survey export:
// a UTC timestamp, a date, an integer score, a boolean flag.
//   node bench/run.mjs cell-parse
import { makeByteValueParser, type ValueOptions } from '../src/core/values/index.js';

const CELLS = 1000;
const PARSES = 5_000_000;

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const day = () => new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 730 * 86_400_000)).toISOString();

const cases: [string, ValueOptions, () => string][] = [
  ['timestamp (UTC)', { type: 'timestamp', decimal: '.', timezone: 'UTC' }, () => `${day().slice(0, 19)}Z`],
  ['date', { type: 'date', decimal: '.', timezone: 'UTC' }, () => day().slice(0, 10)],
  ['integer 0-10', { type: 'integer', decimal: '.', timezone: 'UTC', min: 0, max: 10 }, () => String(Math.floor(random() * 11))],
  ['boolean', { type: 'boolean', decimal: '.', timezone: 'UTC' }, () => (random() < 0.95 ? 'false' : 'true')],
];

for (const [label, options, cell] of cases) {
  const parse = makeByteValueParser(options)!;
  // Each cell in a line of its own, between delimiters, as the scanner hands it over.
  const lines = Array.from({ length: CELLS }, () => {
    const text = cell();
    return { bytes: Buffer.from(`x,${text},y`), end: 2 + text.length };
  });
  let sink = 0;
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    for (let i = 0; i < PARSES; i++) {
      const line = lines[i % CELLS]!;
      sink += Number(parse(line.bytes, 2, line.end));
    }
    (globalThis as { sink?: number }).sink = sink; // keeps the parses from being optimised away
    if (round === 2) console.log(`${label.padEnd(16)} ${(((performance.now() - t) * 1e6) / PARSES).toFixed(1)} ns a cell`);
  }
}
