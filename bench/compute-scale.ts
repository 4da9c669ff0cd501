// Generates seeded survey exports of 1M and 10M rows and times `rmos compute` over them:
//   node bench/run.mjs compute-scale [--sizes 1000000,10000000] [--keep]
// Prints wall time, rows/s, MB/s and peak memory (max RSS of the rmos process). When the
// optional @duckdb/node-api is installed, it also times DuckDB (2 threads) over the same file:
//  - on SQL written by hand, without and with rmos's dedupe of response_id (duckdb-compare.ts);
//  - on the SQL `rmos compile --dialect duckdb` writes, which applies every rule of rmos's
//    (`rmos compute --engine duckdb`; skip it with --skip-compiled-sql: minutes at 10M rows).
// With --variants it also times rmos on one thread (RMOS_THREADS=1) and on a gzip copy of the
// export (gzip -1), read whole by one worker (RMOS_GZIP_UNPACK=0) and unpacked and split, and on
// a copy whose ids have a leading zero (`R-0123`): keys without a dense id, kept in the hash table;
// and, on two threads and on one, a copy where one id in a thousand repeats an earlier one.
// It checks that every run gives the same NPS/CSAT/CES overall and by region, and prints the ratios.
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { duckdbChild, duckdbFigures, type Scores } from './duckdb-compare.js';

// This file runs bundled from bench/out/.
const root = fileURLToPath(new URL('../../', import.meta.url));
const out = fileURLToPath(new URL('./', import.meta.url));
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? process.argv[process.argv.indexOf('--sizes') + 1];
const sizes = (sizesArg && !sizesArg.startsWith('--') ? sizesArg : '1000000,10000000').split(',').map(Number);
const keep = process.argv.includes('--keep');
const skipCompiled = process.argv.includes('--skip-compiled-sql');
const variants = process.argv.includes('--variants');

const REGIONS = ['EMEA', 'NA', 'APAC', 'LATAM'];
const CHANNELS = ['email', 'web', 'in_app', 'sms'];
const SEGMENTS = ['SMB', 'Mid-Market', 'Enterprise'];
const COMMENTS = ['', '', '', 'Great service', '"Slow, but fine"', '"Said ""wow"" twice"', '"Line one\nline two"', 'ok'];

function generate(path: string, rows: number): void {
  let seed = 20250101 + rows;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const score = (max: number, min: number) => {
    const r = random();
    if (r < 0.1) return '';
    if (r < 0.12) return 'N/A';
    if (r < 0.1205) return 'nine';
    return String(min + Math.floor(random() * (max - min + 1)));
  };
  const fd = openSync(path, 'w');
  let chunk = 'response_id,submitted_at,channel,region,segment,nps_score,csat_score,ces_score,comment,is_test\n';
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) {
    const ts = new Date(start + Math.floor(random() * 365 * 86_400_000)).toISOString().slice(0, 19) + 'Z';
    chunk += `R-${i},${ts},${CHANNELS[i & 3]},${REGIONS[Math.floor(random() * 4)]},${SEGMENTS[i % 3]},${score(10, 0)},${score(5, 1)},${score(7, 1)},${COMMENTS[i & 7]},${random() < 0.01 ? 'true' : 'false'}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

if (process.argv.includes('--duckdb-child')) {
  await duckdbChild(process.argv[process.argv.indexOf('--duckdb-child') + 1]!, process.argv.includes('--dedupe'));
  process.exit(0);
}

function line(label: string, rows: number, bytes: number, seconds: number, peakKb: number, scores: string): string {
  return `${label.padEnd(22)} ${rows.toLocaleString('en-US').padStart(11)} rows  ${(bytes / 1e6).toFixed(0).padStart(5)} MB  ${seconds.toFixed(2).padStart(7)} s  ${Math.round(rows / seconds).toLocaleString('en-US').padStart(10)} rows/s  ${(bytes / 1e6 / seconds).toFixed(1).padStart(6)} MB/s  peak ${(peakKb / 1024).toFixed(0).padStart(5)} MB  ${scores}`;
}

/** Equal to 1e-9 relative, and the same n. */
function agree(a: Omit<Scores, 'regions'>, b: Omit<Scores, 'regions'>): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  return close(a.nps, b.nps) && close(a.csat, b.csat) && close(a.ces, b.ces) && a.n === b.n;
}

function showScores(s: Scores): string {
  return `(nps ${s.nps.toFixed(3)}, csat ${s.csat.toFixed(3)}, ces ${s.ces.toFixed(4)}, n ${s.n})`;
}

function sameScores(a: Scores, b: Scores): boolean {
  const regions = Object.keys(a.regions!);
  return agree(a, b) && regions.length === Object.keys(b.regions ?? {}).length && regions.every((r) => b.regions?.[r] !== undefined && agree(b.regions[r]!, a.regions![r]!));
}

/** One `rmos compute` process over the file: wall time (process start included), peak RSS, scores. */
function timeRmos(path: string, extra: readonly string[], env: Record<string, string> = {}): { seconds: number; peakKb: number; scores: Scores } {
  const args = [`${root}bin/rmos`, 'compute', `${root}metrics`, '--source', `survey_responses=${path}`, '--metrics', 'nps,csat,ces', '--by', 'region', '--period', '2025', '--format', 'json', ...extra];
  const t = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ...env } });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  const peakKb = Number(run.stderr.trim().split('\n').pop());
  const report = JSON.parse(run.stdout);
  const value = (id: string) => report.metrics.find((m: { id: string }) => m.id === id);
  const scores: Scores = { nps: value('nps').value, csat: value('csat').value, ces: value('ces').value, n: value('nps').n, regions: {} };
  for (const segment of value('nps').segments as { dimensions: { region: string | null } }[]) {
    const region = segment.dimensions.region ?? '';
    const of = (id: string) => value(id).segments.find((s: { dimensions: { region: string | null } }) => (s.dimensions.region ?? '') === region);
    scores.regions![region] = { nps: of('nps').value, csat: of('csat').value, ces: of('ces').value, n: of('nps').n };
  }
  return { seconds, peakKb, scores };
}

/** A copy of the export with each record's id `R-<n>` rewritten by `id` (quoted text is left alone). */
async function rewriteIds(from: string, to: string, id: (n: number) => string): Promise<void> {
  let carry = '';
  const rewrite = (text: string) => text.replace(/^R-(\d+)/gm, (_, n: string) => id(Number(n)));
  await pipeline(
    createReadStream(from, { encoding: 'utf8' }),
    async function* (chunks: AsyncIterable<string>) {
      for await (const chunk of chunks) {
        const text = carry + chunk;
        const cut = text.lastIndexOf('\n') + 1;
        carry = text.slice(cut);
        yield rewrite(text.slice(0, cut));
      }
      yield rewrite(carry);
    },
    createWriteStream(to),
  );
}

/** A copy of the export for a variant, made once (kept with --keep). */
async function copyWithIds(path: string, name: string, id: (n: number) => string): Promise<string> {
  const copy = path.replace(/\.csv$/, `-${name}.csv`);
  if (!existsSync(copy)) await rewriteIds(path, copy, id);
  return copy;
}

mkdirSync(out, { recursive: true });
const results: string[] = [];
for (const rows of sizes) {
  const path = `${out}survey_responses-${rows}.csv`;
  if (!existsSync(path)) {
    const t = Date.now();
    generate(path, rows);
    console.log(`generated ${path} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const bytes = statSync(path).size;
  const mine = timeRmos(path, []);
  results.push(line('rmos', rows, bytes, mine.seconds, mine.peakKb, showScores(mine.scores)));
  const compare = (label: string, other: { seconds: number; peakKb: number; scores: Scores }) => {
    results.push(line(label, rows, bytes, other.seconds, other.peakKb, showScores(other.scores)));
    results.push(`${''.padEnd(22)} rmos / this time ${(mine.seconds / other.seconds).toFixed(2)}x; results ${sameScores(mine.scores, other.scores) ? 'agree' : 'DIFFER'} (overall and ${Object.keys(mine.scores.regions!).length} regions)`);
  };
  const bundle = fileURLToPath(import.meta.url);
  const plain = duckdbFigures(bundle, path, false);
  if (plain === null) {
    results.push('duckdb (skipped: @duckdb/node-api is not installed)');
  } else {
    compare('duckdb, no dedupe', plain);
    compare('duckdb, dedupe', duckdbFigures(bundle, path, true)!);
    if (!skipCompiled) compare('duckdb, rmos compile', timeRmos(path, ['--engine', 'duckdb']));
  }
  if (variants) {
    const variant = (label: string, other: { seconds: number; peakKb: number; scores: Scores }) => {
      results.push(line(label, rows, bytes, other.seconds, other.peakKb, showScores(other.scores)));
      results.push(`${''.padEnd(22)} this / rmos time ${(other.seconds / mine.seconds).toFixed(2)}x; results ${sameScores(mine.scores, other.scores) ? 'agree' : 'DIFFER'}`);
    };
    variant('rmos, one thread', timeRmos(path, [], { RMOS_THREADS: '1' }));
    const gz = `${path}.gz`;
    if (!existsSync(gz)) await pipeline(createReadStream(path), createGzip({ level: 1 }), createWriteStream(gz));
    variant('rmos, .gz read whole', timeRmos(gz, [], { RMOS_GZIP_UNPACK: '0' }));
    variant('rmos, .gz unpacked', timeRmos(gz, []));
    if (!keep) rmSync(gz);
    const hashed = await copyWithIds(path, 'zero-padded-ids', (n) => `R-0${n}`);
    variant('rmos, ids R-0123', timeRmos(hashed, []));
    // One id in a thousand repeats an earlier one: duplicates spread through the file.
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const repeated = await copyWithIds(path, 'repeated-ids', (n) => `R-${n > 1000 && random() < 0.001 ? Math.floor(random() * n) : n}`);
    const spread = timeRmos(repeated, []);
    const spreadOne = timeRmos(repeated, [], { RMOS_THREADS: '1' });
    results.push(line('rmos, repeated ids', rows, bytes, spread.seconds, spread.peakKb, showScores(spread.scores)));
    results.push(line('  same, one thread', rows, bytes, spreadOne.seconds, spreadOne.peakKb, showScores(spreadOne.scores)));
    results.push(`${''.padEnd(22)} this / rmos time ${(spread.seconds / mine.seconds).toFixed(2)}x and ${(spreadOne.seconds / mine.seconds).toFixed(2)}x; the two ${sameScores(spread.scores, spreadOne.scores) ? 'agree' : 'DIFFER'}`);
    if (!keep) for (const copy of [hashed, repeated]) rmSync(copy);
  }
  if (!keep) rmSync(path);
}
console.log('\nrmos compute, nps + csat + ces overall and by region, one survey export (rmos wall includes process start,\nthe hand-written DuckDB queries exclude it; agree = overall and every region to 1e-9 relative, same n):');
for (const l of results) console.log(l);
