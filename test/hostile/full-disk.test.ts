import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';
import { EXAMPLE_DATA, expectInputError, STANDARD, timedCli } from './hostile-cli.js';

/*
 * A full disk, made with a 16 kB tmpfs. Mounting needs root (as in CI); elsewhere the tests
 * are skipped with a warning.
 */
const disk = mkdtempSync(join(tmpdir(), 'rmos-full-'));
const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', disk]).status === 0;
if (!mounted) console.warn('skipping test/hostile/full-disk.test.ts: mounting a small tmpfs needs root');

const ARGS = ['compute', STANDARD, '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--by', 'region', '--format', 'html'];

function empty(): void {
  for (const name of readdirSync(disk)) rmSync(join(disk, name), { force: true });
}

afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
});

describe.skipIf(!mounted)('a full disk', () => {
  beforeAll(empty);

  it('--out: exit 2 with a sentence, and no partial report left behind (a short write used to pass for success)', () => {
    empty();
    const out = join(disk, 'report.html');
    expectInputError(timedCli([...ARGS, '--out', out]), /^rmos: --out .*report\.html: cannot write: the disk is full\n$/);
    expect(readdirSync(disk)).toEqual([]);
  });

  it('--rejects: exit 2 naming the flag, and no file left behind', () => {
    empty();
    writeFileSync(join(disk, 'filler'), Buffer.alloc(16 * 1024 - 512)); // leaves less than the rejects need
    const rejects = join(disk, 'rejects.csv');
    expectInputError(timedCli([...ARGS, '--format', 'json', '--rejects', rejects]), /^rmos: --rejects .*rejects\.csv: cannot write: the disk is full\n$/);
    expect(readdirSync(disk)).toEqual(['filler']);
  });

  it('standard output redirected to the full disk: exit 2 with a sentence, not exit 0 with half a report', () => {
    empty();
    const fd = openSync(join(disk, 'redirected.html'), 'w');
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/rmos'), ...ARGS], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    closeSync(fd);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toBe('rmos: cannot write the output: the disk is full\n');
  });
});
