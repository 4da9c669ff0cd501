import { closeSync, mkdirSync, openSync, readFileSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ACME, EXAMPLE_DATA, expectInputError, expectNoCrash, HOSTILE, removeTemps, STANDARD, tempDir, timedCli } from './hostile-cli.js';

afterAll(removeTemps);

// Hostile exports, run through every command that reads an export: compute, variance,
// explain (with data), and variance's own budget/reported files.

const CSV = join(HOSTILE, 'csv');
const HEADER = 'response_id,submitted_at,nps_score,is_test';

/** The commands that read a survey_responses export, each over nps for 2025-Q3. */
function readers(source: string): [string, string[]][] {
  const given = ['--source', `survey_responses=${source}`];
  return [
    ['compute', ['compute', STANDARD, '--metrics', 'nps', '--period', '2025-Q3', ...given]],
    ['variance', ['variance', STANDARD, '--metrics', 'nps', '--period', '2025-Q3', '--against', 'prior', ...given]],
    ['explain', ['explain', 'nps', STANDARD, '--period', '2025-Q3', ...given]],
  ];
}

describe.each([
  ['a PNG renamed .csv', 'png.csv', /png\.csv:3:1: contains a NUL byte, so it does not look like a CSV text file; check that you exported CSV/],
  ['a ZIP (xlsx) renamed .csv', 'zip.csv', /zip\.csv does not look like a CSV file: it is a zip archive, probably an Excel workbook \(\.xlsx\); export the sheet as CSV UTF-8/],
  ['UTF-16 LE with a BOM', 'utf16le.csv', /utf16le\.csv is UTF-16 encoded; save it as UTF-8/],
  ['UTF-16 BE with a BOM', 'utf16be.csv', /utf16be\.csv is UTF-16 encoded; save it as UTF-8/],
])('%s', (_what, file, message) => {
  it.each(readers(join(CSV, file)))('%s: exit 2 with a sentence naming the file', (_name, args) => {
    const result = timedCli(args);
    expectInputError(result, message);
    expect(result.ms).toBeLessThan(10_000);
  });
});

describe('invalid UTF-8 in one cell', () => {
  it('compute counts the cell as invalid, with file, line and column, and the accounting still adds up', () => {
    const dir = tempDir();
    const result = timedCli(['compute', STANDARD, '--metrics', 'nps', '--period', '2025-Q3', '--source', `survey_responses=${join(CSV, 'invalid-utf8.csv')}`, '--format', 'json', '--rejects', join(dir, 'rejects.csv')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/invalid-utf8\.csv:3:24 nps_score: the cell is not UTF-8 text/);
    const nps = JSON.parse(result.stdout).metrics[0];
    expect(nps.accounting.survey_responses).toMatchObject({ read: 3, invalid: 1, used: 2 });
    expect(readFileSync(join(dir, 'rejects.csv'), 'utf8')).toMatch(/invalid-utf8\.csv,3,24,nps_score,,the cell is not UTF-8 text\r\n$/);
  });

  it('--strict turns it into exit 1', () => {
    const result = timedCli(['compute', STANDARD, '--metrics', 'nps', '--period', '2025-Q3', '--source', `survey_responses=${join(CSV, 'invalid-utf8.csv')}`, '--strict']);
    expect(result.code).toBe(1);
    expectNoCrash(result);
  });
});

describe('a truncated .gz export', () => {
  it.each(['compute', 'variance', 'explain'])('%s: exit 2, the file is named as truncated', (command) => {
    const rows = Array.from({ length: 3000 }, (_, i) => `R${i},2025-07-01T10:00:00Z,${i % 11},false`);
    const gz = gzipSync(`${HEADER}\n${rows.join('\n')}\n`);
    const dir = tempDir({ 'survey_responses.csv.gz': gz.subarray(0, Math.floor(gz.length * 0.6)) });
    const args = readers(join(dir, 'survey_responses.csv.gz')).find(([name]) => name === command)![1];
    expectInputError(timedCli(args), /survey_responses\.csv\.gz is a truncated gzip file \(unexpected end of file\); download or copy it again/);
  });
});

describe('a 100 MB single-line record', () => {
  it('compute streams it in bounded time: the comment is one cell, the score counts', () => {
    const dir = tempDir();
    const path = join(dir, 'survey_responses.csv');
    const fd = openSync(path, 'w');
    writeSync(fd, `${HEADER},comment\nA,2025-07-01T10:00:00Z,9,false,`);
    const chunk = Buffer.alloc(4 * 1024 * 1024, 'x');
    for (let i = 0; i < 25; i++) writeSync(fd, chunk);
    writeSync(fd, '\nB,2025-07-02T10:00:00Z,3,false,short\n');
    closeSync(fd);
    const result = timedCli(['compute', STANDARD, '--metrics', 'nps', '--period', '2025-Q3', '--data', dir, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.ms).toBeLessThan(30_000);
    const nps = JSON.parse(result.stdout).metrics[0];
    expect([nps.n, nps.value]).toEqual([2, 0]);
  });

  it('a 1 MB header of 512k columns: exit 2 naming the missing column, in bounded time', () => {
    const dir = tempDir({ 'wide.csv': `${'a,'.repeat(512 * 1024)}\n` });
    const result = timedCli(['compute', STANDARD, '--metrics', 'nps', '--period', '2025-Q3', '--source', `survey_responses=${join(dir, 'wide.csv')}`]);
    expectInputError(result, /wide\.csv:1: the survey_responses export has no column 'response_id'/);
    expect(result.ms).toBeLessThan(10_000);
  });

  // A 1 MB header once gave a 2.6 MB message: the list of headers found is capped.
  it('… and the "headers found" list in that message is bounded (under 10 KB)', () => {
    const dir = tempDir({ 'wide.csv': `${'a,'.repeat(512 * 1024)}\n` });
    const result = timedCli(['compute', STANDARD, '--metrics', 'nps', '--period', '2025-Q3', '--source', `survey_responses=${join(dir, 'wide.csv')}`]);
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeLessThan(10_000);
  });
});

describe('symbolic links under --data', () => {
  it('a folder link back to its parent is not followed: the export is read once', () => {
    const dir = tempDir({ 'survey_responses/2025-07.csv': readFileSync(join(EXAMPLE_DATA, 'survey_responses', '2025-07.csv')) });
    symlinkSync('..', join(dir, 'survey_responses', 'up'));
    symlinkSync('.', join(dir, 'loop'));
    const result = timedCli(['compute', STANDARD, '--metrics', 'nps', '--period', '2025-07', '--data', dir, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.ms).toBeLessThan(10_000);
    const report = JSON.parse(result.stdout);
    expect(report.inputs[0].files.map((f: { path: string }) => f.path.split('/').slice(-2).join('/'))).toEqual(['survey_responses/2025-07.csv']);
  });

  it('a file link to itself: exit 2, named as a link loop', () => {
    const dir = tempDir();
    symlinkSync('survey_responses.csv', join(dir, 'survey_responses.csv'));
    expectInputError(
      timedCli(['compute', STANDARD, '--metrics', 'nps', '--period', '2025-Q3', '--data', dir]),
      /survey_responses\.csv: the symbolic link points back to itself \(a link loop\); fix or remove it/,
    );
  });

  it('two links pointing at each other: exit 2 with a sentence', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'survey_responses'));
    symlinkSync('b.csv', join(dir, 'survey_responses', 'a.csv'));
    symlinkSync('a.csv', join(dir, 'survey_responses', 'b.csv'));
    const result = timedCli(['compute', STANDARD, '--metrics', 'nps', '--period', '2025-Q3', '--data', dir]);
    expectInputError(result, /survey_responses\/[ab]\.csv/);
  });
});

describe('hostile budget and reported files (variance --against budget:FILE)', () => {
  it.each([
    ['png.csv', /png\.csv:3:1: contains a NUL byte/],
    ['zip.csv', /zip\.csv does not look like a CSV file: it is a zip archive/],
    ['utf16le.csv', /utf16le\.csv is UTF-16 encoded/],
  ])('%s: exit 2 with a sentence naming the file', (file, message) => {
    expectInputError(timedCli(['variance', ACME, '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--against', `budget:${join(CSV, file)}`]), message);
  });

  it('Latin-1 in a value: exit 2 at the line and column', () => {
    const dir = tempDir({ 'budget.csv': Buffer.concat([Buffer.from('metric,period,value\nnps,2025-Q3,4'), Buffer.from([0xe9]), Buffer.from('\n')]) });
    expectInputError(
      timedCli(['variance', ACME, '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--against', `budget:${join(dir, 'budget.csv')}`]),
      /budget\.csv:2:13: field 3 is not valid UTF-8 text/,
    );
  });

  it.each([
    ['a folder', (dir: string) => dir, /: cannot read the file: it is a folder\n$/],
    ['a missing file', (dir: string) => join(dir, 'nope.csv'), /nope\.csv: cannot read the file: no such file\n$/],
  ])('%s: exit 2 with a sentence, not an error code (was "(EISDIR)" / "(ENOENT)")', (_what, path, message) => {
    const dir = tempDir();
    expectInputError(timedCli(['variance', ACME, '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--against', `reported:${path(dir)}`]), message);
  });
});
