import { copyFileSync, cpSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, EXAMPLE_DATA, removeTemps, tempDir, timedCli } from './hostile-cli.js';

afterAll(removeTemps);

// The same inputs give byte-identical output whatever order the files were created in
// (so whatever order readdir returns them) and whatever the working directory, as long
// as the paths given are the same.

/** Every file under `dir`, relative, in sorted order. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).sort().flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, rel)).isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

/** A working folder holding `lib/` (acme) and `data/` (the examples), files created in the given order. */
function workspace(order: 'forward' | 'reverse', rename: (rel: string) => string = (rel) => rel): string {
  const root = tempDir();
  cpSync(ACME, join(root, 'lib'), { recursive: true });
  const files = filesUnder(EXAMPLE_DATA);
  for (const rel of order === 'forward' ? files : [...files].reverse()) {
    const target = join(root, 'data', rename(rel));
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(join(EXAMPLE_DATA, rel), target);
  }
  return root;
}

function output(cwd: string, args: readonly string[]): string {
  const result = timedCli(args, { cwd });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout.length).toBeGreaterThan(100);
  return result.stdout;
}

const COMPUTE = ['compute', 'lib', '--data', 'data', '--period', '2025-Q3', '--by', 'region'];
const VARIANCE = ['variance', 'lib', '--data', 'data', '--period', '2025-Q3', '--against', 'prior', '--explain-by', 'channel'];

describe('determinism across file order and working directory', () => {
  let first: string;
  let second: string;
  beforeAll(() => {
    first = workspace('forward');
    second = workspace('reverse');
  });

  it.each(['json', 'csv', 'markdown', 'html'])('compute --format %s is byte-identical', (format) => {
    const a = output(first, [...COMPUTE, '--format', format]);
    const b = output(second, [...COMPUTE, '--format', format]);
    expect(b === a, `compute --format ${format} differs`).toBe(true);
  });

  it.each(['json', 'markdown'])('variance --format %s is byte-identical', (format) => {
    const a = output(first, [...VARIANCE, '--format', format]);
    const b = output(second, [...VARIANCE, '--format', format]);
    expect(b === a, `variance --format ${format} differs`).toBe(true);
  });

  it('files renamed with the same sorted order give the same numbers and accounting', () => {
    // survey_responses/2025-07.csv -> survey_responses/export-2025-07.csv, spend.csv -> spend-eu.csv, ...
    const renamed = workspace('reverse', (rel) => (rel.includes('/') ? rel.replace('/', '/export-') : rel.replace(/\.csv$/, '-export.csv')));
    const a = JSON.parse(output(first, [...COMPUTE, '--format', 'json']));
    const b = JSON.parse(output(renamed, [...COMPUTE, '--format', 'json']));
    expect(b.inputs.flatMap((i: { files: { path: string }[] }) => i.files.map((f) => f.path))).toContain('data/survey_responses/export-2025-07.csv');
    const sha = (r: typeof a) => r.inputs.map((i: { source: string; files: { sha256: string; rows: number }[] }) => [i.source, i.files.map((f) => [f.sha256, f.rows])]);
    expect(sha(b)).toEqual(sha(a));
    expect(b.metrics).toEqual(a.metrics);
  });
});
