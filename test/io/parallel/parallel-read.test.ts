import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { writeMessySurvey } from './messy-survey.js';

// The parallel path lives in the bundle (dist/parallel-worker.js): these tests run bin/rmos,
// which `npm test` builds first. Small pieces put many split points inside quoted fields.
const dir = mkdtempSync(join(tmpdir(), 'rmos-parallel-'));
const withDuplicates = join(dir, 'survey_duplicates.csv');
const unique = join(dir, 'survey_unique.csv');

// Several exports of one source: plain files and a gzip one.
const monthly = join(dir, 'monthly');

beforeAll(() => {
  writeMessySurvey(withDuplicates, 30_000, 7, true);
  writeMessySurvey(unique, 30_000, 11, false);
  mkdirSync(join(monthly, 'survey_responses'), { recursive: true });
  const file = (name: string) => join(monthly, 'survey_responses', name);
  writeMessySurvey(file('a.csv'), 4_000, 3, false, 0);
  writeMessySurvey(file('b.csv'), 4_000, 5, false, 4_000);
  writeMessySurvey(file('c.csv'), 4_000, 9, false, 8_000);
  writeFileSync(file('c.csv.gz'), gzipSync(readFileSync(file('c.csv'))));
  rmSync(file('c.csv'));
  // d.csv repeats a.csv's ids: keys first seen in an earlier file.
  writeMessySurvey(file('d.csv'), 2_000, 13, false, 0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parallelEnv = { RMOS_THREADS: '2', RMOS_PARALLEL_MIN_BYTES: '1', RMOS_PARALLEL_PIECE_BYTES: '40000', RMOS_TRACE_PARALLEL: '1' };

function compute(file: string, env: Record<string, string>, rejects: string) {
  const args = ['compute', 'metrics', '--source', `survey_responses=${file}`, '--metrics', 'nps,csat,ces', '--by', 'region', '--period', '2025-Q2', '--compare', 'prior', '--trend', '3', '--format', 'json', '--rejects', rejects];
  return runCli(args, { env });
}

function traceOf(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('parallel: '));
}

describe('parallel reading of one large file', () => {
  test.each([
    ['with keys repeated across pieces', withDuplicates],
    ['with unique keys', unique],
  ])('gives the single-threaded report and rejects byte for byte (%s)', (_, file) => {
    expect(statSync(file).size).toBeGreaterThan(2_000_000);
    const single = compute(file, { RMOS_THREADS: '1', RMOS_PARALLEL_MIN_BYTES: '1', RMOS_TRACE_PARALLEL: '1' }, `${file}.rejects-1.csv`);
    const parallel = compute(file, parallelEnv, `${file}.rejects-2.csv`);
    expect(single.code).toBe(0);
    expect(parallel.code).toBe(0);
    expect(traceOf(single.stderr)).toEqual([]); // RMOS_THREADS=1 forces one thread
    expect(parallel.stdout).toBe(single.stdout);
    expect(readFileSync(`${file}.rejects-2.csv`, 'utf8')).toBe(readFileSync(`${file}.rejects-1.csv`, 'utf8'));
    const shown = parallel.stderr.replaceAll('rejects-2.csv', 'rejects-1.csv').split('\n');
    expect(shown.filter((l) => !l.startsWith('parallel: '))).toEqual(single.stderr.split('\n'));
  });

  test('keys with and without a dense id give the same counts and duplicates, on one thread and on two', () => {
    // `R-123` is kept by its dense id, `R-0123` in the hash table: the same keys, two stores.
    const padded = join(dir, 'survey_padded_ids.csv');
    writeFileSync(padded, readFileSync(withDuplicates, 'utf8').replace(/^R-/gm, 'R-0'));
    const outcome = (file: string, env: Record<string, string>) => {
      const rejects = `${file}.${env.RMOS_THREADS}.rejects.csv`;
      const result = compute(file, env, rejects);
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as { metrics: { accounting: unknown; value: unknown }[] };
      const duplicates = readFileSync(rejects, 'utf8').split('\r\n').filter((l) => l.includes(',duplicate response_id '));
      // file,line,column,field,value,reason: the lines of each duplicate and of its first copy.
      return { metrics: report.metrics.map((m) => [m.accounting, m.value]), duplicates: duplicates.map((l) => `${l.split(',')[1]} ${/first seen at .*:(\d+);/.exec(l)?.[1]}`) };
    };
    const single = { RMOS_THREADS: '1', RMOS_PARALLEL_MIN_BYTES: '1' };
    const dense = outcome(withDuplicates, single);
    expect(dense.duplicates.length).toBeGreaterThan(30);
    expect(outcome(padded, single)).toEqual(dense);
    expect(outcome(padded, parallelEnv)).toEqual(dense);
    expect(outcome(withDuplicates, parallelEnv)).toEqual(dense);
  });

  test('merges most pieces, and reads again those that started inside a quoted field', () => {
    const trace = traceOf(compute(unique, parallelEnv, join(dir, 'r.csv')).stderr);
    expect(trace.length).toBeGreaterThan(50);
    const merged = trace.filter((l) => l.endsWith(': merged')).length;
    expect(merged).toBeGreaterThan(trace.length / 2);
    expect(trace.some((l) => l.endsWith('(started inside a record)'))).toBe(true);
    expect(trace.some((l) => l.endsWith('(a key seen in an earlier piece)'))).toBe(false);
  });

  test('reads again the pieces holding a key first seen in an earlier piece', () => {
    const trace = traceOf(compute(withDuplicates, parallelEnv, join(dir, 'r.csv')).stderr);
    expect(trace.some((l) => l.endsWith('(a key seen in an earlier piece)'))).toBe(true);
  });

  test('reads the rest of the file itself once keys of earlier pieces keep repeating, and drops the pieces sent', () => {
    const trace = traceOf(compute(withDuplicates, parallelEnv, join(dir, 'r.csv')).stderr);
    const rest = trace.findIndex((l) => / pieces \d+-(\d+)\/\1: read here \(keys seen in earlier pieces keep repeating\)$/.test(l));
    expect(rest).toBeGreaterThan(0);
    // The two pieces before it were read again, and nothing of the file comes after it.
    expect(trace.slice(rest - 2, rest).every((l) => l.endsWith('(a key seen in an earlier piece)'))).toBe(true);
    expect(trace.slice(rest + 1)).toEqual([]);
  });

  test('reads several files of a source side by side, gzip unpacked, with the single-threaded result', () => {
    const run = (env: Record<string, string>, rejects: string) =>
      runCli(['compute', 'metrics', '--data', monthly, '--metrics', 'nps,csat,ces', '--by', 'region', '--period', '2025-Q2', '--format', 'json', '--rejects', rejects], { env });
    const single = run({ RMOS_THREADS: '1' }, join(dir, 'm1.csv'));
    const parallel = run({ ...parallelEnv, RMOS_PARALLEL_PIECE_BYTES: '100000' }, join(dir, 'm2.csv'));
    expect(single.code).toBe(0);
    expect(parallel.stdout).toBe(single.stdout);
    expect(readFileSync(join(dir, 'm2.csv'), 'utf8')).toBe(readFileSync(join(dir, 'm1.csv'), 'utf8'));
    expect(parallel.stderr.replaceAll('m2.csv', 'm1.csv').split('\n').filter((l) => !l.startsWith('parallel: '))).toEqual(single.stderr.split('\n'));
    const trace = traceOf(parallel.stderr);
    expect(trace.some((l) => /a\.csv piece 1\/\d+: merged$/.test(l))).toBe(true);
    expect(trace.some((l) => /b\.csv piece \d+\/\d+: merged$/.test(l))).toBe(true);
    // The gzip export is unpacked to a temporary file and split like the others.
    expect(trace.some((l) => /c\.csv\.gz piece \d+\/\d+: merged$/.test(l))).toBe(true);
    expect(trace.some((l) => /d\.csv piece 1\/\d+: read again \(a key seen in an earlier piece\)$/.test(l))).toBe(true);
    // Pieces are handed out by calls that interleave with the merge: the same result every time
    // (a lost piece once left a run spinning; SIGKILL after 10 s makes a hang a failure).
    for (let i = 0; i < 4; i++) {
      const again = runCli(['compute', 'metrics', '--data', monthly, '--metrics', 'nps,csat,ces', '--by', 'region', '--period', '2025-Q2', '--format', 'json'], {
        env: { ...parallelEnv, RMOS_PARALLEL_PIECE_BYTES: '100000' },
        timeout: 10_000,
      });
      expect([again.code, again.stdout]).toEqual([0, single.stdout]);
    }
  });

  test('unpacks one large gzip export and splits it: the single-threaded result, and no temporary file left', () => {
    const gz = join(dir, 'survey_unique.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(unique)));
    const temporary = mkdtempSync(join(dir, 'tmp-'));
    const single = compute(gz, { RMOS_THREADS: '1' }, join(dir, 'g1.csv'));
    const parallel = compute(gz, { ...parallelEnv, TMPDIR: temporary }, join(dir, 'g2.csv'));
    expect(single.code).toBe(0);
    expect(parallel.stdout).toBe(single.stdout);
    expect(readFileSync(join(dir, 'g2.csv'), 'utf8')).toBe(readFileSync(join(dir, 'g1.csv'), 'utf8'));
    expect(parallel.stderr.replaceAll('g2.csv', 'g1.csv').split('\n').filter((l) => !l.startsWith('parallel: '))).toEqual(single.stderr.split('\n'));
    const trace = traceOf(parallel.stderr);
    expect(trace.filter((l) => l.endsWith(': merged')).length).toBeGreaterThan(20);
    expect(trace.every((l) => l.includes('survey_unique.csv.gz piece '))).toBe(true);
    expect(readdirSync(temporary)).toEqual([]);
    // RMOS_GZIP_UNPACK=0: read whole by one worker, same result.
    const whole = compute(gz, { ...parallelEnv, RMOS_GZIP_UNPACK: '0', RMOS_PARALLEL_MIN_BYTES: '1' }, join(dir, 'g3.csv'));
    expect(whole.stdout).toBe(single.stdout);
  });

  test('a corrupt gzip export gives the single-threaded message, and no temporary file is left', () => {
    const gz = join(dir, 'broken.csv.gz');
    const packed = gzipSync(readFileSync(unique));
    writeFileSync(gz, Buffer.concat([packed.subarray(0, packed.length >> 1), packed.subarray(packed.length - 8)])); // cut in the middle, trailer kept
    const temporary = mkdtempSync(join(dir, 'tmp-'));
    const single = compute(gz, { RMOS_THREADS: '1' }, join(dir, 'b1.csv'));
    const parallel = compute(gz, { ...parallelEnv, TMPDIR: temporary }, join(dir, 'b2.csv'));
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(/broken\.csv\.gz/);
    expect([parallel.code, parallel.stderr.split('\n').filter((l) => !l.startsWith('parallel: '))]).toEqual([2, single.stderr.split('\n')]);
    expect(traceOf(parallel.stderr)[0]).toMatch(/broken\.csv\.gz: read whole by one worker \(unpacking failed: .+\)$/);
    expect(readdirSync(temporary)).toEqual([]);
  });

  test('keys past the key set\'s memory budget give the same report and rejects, on one thread and on two, with no file left', () => {
    // Ids `R-0123` have no dense id: all in the hash table, which RMOS_KEY_MEMORY keeps at 4,096
    // slots (3,072 keys). The keys past them are checked after the read; some repeat an earlier
    // one, so the source is read a second time. Without repeats past the budget, once is enough.
    const padded = join(dir, 'survey_budget.csv');
    writeFileSync(padded, readFileSync(withDuplicates, 'utf8').replace(/^R-/gm, 'R-0'));
    const paddedUnique = join(dir, 'survey_budget_unique.csv');
    writeFileSync(paddedUnique, readFileSync(unique, 'utf8').replace(/^R-/gm, 'R-0'));
    const budget = { RMOS_KEY_MEMORY: '65536', RMOS_TRACE_KEYS: '1' };
    for (const [file, again] of [[padded, true], [paddedUnique, false]] as const) {
      const reference = compute(file, { RMOS_THREADS: '1' }, `${file}.r0.csv`);
      expect(reference.code).toBe(0);
      for (const [name, env] of [['r1', { RMOS_THREADS: '1' }], ['r2', parallelEnv]] as const) {
        const temporary = mkdtempSync(join(dir, 'tmp-'));
        const result = compute(file, { ...env, ...budget, TMPDIR: temporary }, `${file}.${name}.csv`);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(reference.stdout);
        expect(readFileSync(`${file}.${name}.csv`, 'utf8')).toBe(readFileSync(`${file}.r0.csv`, 'utf8'));
        const lines = result.stderr.replaceAll(`.${name}.csv`, '.r0.csv').split('\n');
        expect(lines.filter((l) => !/^(parallel|keys): /.test(l))).toEqual(reference.stderr.split('\n'));
        const trace = lines.filter((l) => l.startsWith('keys: '));
        // One line for the source, over the key sets of all its periods (the period, its prior, the trend's).
        expect(trace.length).toBe(1);
        expect(trace[0]).toMatch(again ? /: \d+ keys past the key set's memory budget, checked in \d+ ms: [1-9]\d* of them repeat an earlier key; reading the files again$/ : /: \d+ keys past .*: 0 of them repeat an earlier key$/);
        // The second read is parallel too: the file's first piece is taken twice.
        if (name === 'r2') expect(lines.filter((l) => /^parallel: .* piece 1\/\d+: /.test(l)).length).toBe(again ? 2 : 1);
        expect(readdirSync(temporary)).toEqual([]);
      }
    }
  });

  test('stays single-threaded below RMOS_PARALLEL_MIN_BYTES', () => {
    const result = compute(unique, { ...parallelEnv, RMOS_PARALLEL_MIN_BYTES: String(100 * 1024 * 1024) }, join(dir, 'r.csv'));
    expect(result.code).toBe(0);
    expect(traceOf(result.stderr)).toEqual([]);
  });
});
