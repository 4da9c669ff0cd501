import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { csv, writeTemp, removeTemp } from '../core/compute/tiny-compute.js';
import { ROOT, runCli, type CliResult } from './run-cli.js';

afterAll(removeTemp);

// Exports that cannot be read: exit 2, one sentence naming the file (and line and
// column where there is one), never a stack trace, nothing on stdout.

const NO_STACK = /\n\s+at /;
const HEADER = 'response_id,submitted_at,nps_score,is_test';

/** rmos compute of nps over 2025-Q3, run from inside `dir` so paths show as typed. */
function computeIn(dir: string, args: readonly string[]): CliResult {
  return runCli(['compute', join(ROOT, 'metrics'), '--period', '2025-Q3', '--metrics', 'nps', ...args], { cwd: dir });
}

function expectInputError(result: CliResult, message: string | RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(NO_STACK);
  expect(result.stderr).not.toContain('internal error');
  if (typeof message === 'string') expect(result.stderr).toBe(`rmos: ${message}\n`);
  else expect(result.stderr).toMatch(message);
}

describe('rmos compute: exports it cannot read', () => {
  it('a --source file that does not exist', () => {
    const dir = writeTemp({});
    expectInputError(computeIn(dir, ['--source', 'survey_responses=nope.csv']), '--source survey_responses=nope.csv: no such file');
  });

  it('a --data folder with no file for a source a metric needs, naming what it looked for and who needs it', () => {
    const dir = writeTemp({ 'data/spend.csv': 'date;category;amount\n' });
    expectInputError(
      computeIn(dir, ['--data', 'data']),
      "no export for the source 'survey_responses' in data (looked for survey_responses.csv, survey_responses*.csv, survey_responses*.csv.gz and survey_responses/); nps needs it. Use --source survey_responses=PATH, or --metrics to leave it out.",
    );
  });

  it('a --data folder that does not exist', () => {
    const dir = writeTemp({});
    expectInputError(computeIn(dir, ['--data', 'exports']), '--data exports: no such folder');
  });

  it('a header without a required column names the column, its aliases and the headers found', () => {
    const dir = writeTemp({ 's.csv': csv('id,when,nps', ['A,2025-07-01T10:00:00Z,9']) });
    expectInputError(
      computeIn(dir, ['--source', 'survey_responses=s.csv']),
      `s.csv:1: the survey_responses export has no column 'submitted_at' (or 'submitted', 'submission date', 'response date', 'recorded date', 'date'); headers found: "id", "when", "nps". Rename the header or add an alias in the source definition.`,
    );
  });

  it('a header without a column the metric needs (not required by the source) says what needs it', () => {
    const dir = writeTemp({ 's.csv': csv('Response ID,Submitted,NPS', ['A,2025-07-01T10:00:00Z,9']) });
    const result = computeIn(dir, ['--source', 'survey_responses=s.csv']);
    expectInputError(result, /^rmos: s\.csv:1: no column 'is_test' \(or 'test', 'test response'\) \(needed as used by nps\); headers found: "Response ID", "Submitted", "NPS"\n$/);
  });

  it('an unterminated quote at the end of the file, with the line and column where the quote opened', () => {
    const dir = writeTemp({ 'q.csv': `${HEADER}\nA,2025-07-01T10:00:00Z,9,false\nB,2025-07-02T10:00:00Z,"7,false\n` });
    expectInputError(computeIn(dir, ['--source', 'survey_responses=q.csv']), 'q.csv:3:24: unterminated quoted field starting at line 3, column 24: add the closing quote');
  });

  it('an empty file', () => {
    const dir = writeTemp({ 'e.csv': '' });
    expectInputError(computeIn(dir, ['--source', 'survey_responses=e.csv']), 'e.csv is empty: expected a header line');
  });

  it('a UTF-16 file', () => {
    const text = `${HEADER}\nA,2025-07-01T10:00:00Z,9,false\n`;
    const dir = writeTemp({ 'u.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    expectInputError(computeIn(dir, ['--source', 'survey_responses=u.csv']), 'u.csv is UTF-16 encoded; save it as UTF-8 (CSV UTF-8 in Excel) and try again');
  });

  it('a binary file named .csv', () => {
    const bytes = Buffer.alloc(2048);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const dir = writeTemp({ 'b.csv': bytes });
    expectInputError(
      computeIn(dir, ['--source', 'survey_responses=b.csv']),
      'b.csv does not look like a CSV file: it contains binary data in its first kilobyte; check that you exported CSV text',
    );
  });

  it('a truncated .gz file', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `R${i},2025-07-01T10:00:00Z,${i % 11},false`);
    const gz = gzipSync(csv(HEADER, rows));
    const dir = writeTemp({ 'survey_responses.csv.gz': gz.subarray(0, Math.floor(gz.length / 2)) });
    expectInputError(computeIn(dir, ['--data', '.']), 'survey_responses.csv.gz is a truncated gzip file (unexpected end of file); download or copy it again');
  });

  it("keys past the key table's budget with no temporary folder to keep them in", () => {
    // 4,000 keys without a dense id against a table of 3,072: the rest need TMPDIR.
    const rows = Array.from({ length: 4000 }, (_, i) => `k${i}x,2025-07-01T10:00:00Z,9,false`);
    const dir = writeTemp({ 's.csv': csv(HEADER, rows) });
    const result = runCli(['compute', join(ROOT, 'metrics'), '--period', '2025-Q3', '--metrics', 'nps', '--source', 'survey_responses=s.csv'], {
      cwd: dir,
      env: { RMOS_KEY_MEMORY: '65536', TMPDIR: join(dir, 'missing') },
    });
    expectInputError(
      result,
      /^rmos: survey_responses: more keys than RMOS_KEY_MEMORY holds in memory, and the rest could not be kept in the temporary folder \(ENOENT: .*\); free some room in TMPDIR, point TMPDIR at a larger disk, or raise RMOS_KEY_MEMORY\n$/,
    );
  });
});
