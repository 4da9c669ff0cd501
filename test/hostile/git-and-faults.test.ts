import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompute } from '../../src/io/compute/run-compute.js';
import { ACME, EXAMPLE_DATA, expectInputError, removeTemps, STANDARD, tempDir, timedCli } from './hostile-cli.js';

afterAll(removeTemps);

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=rmos', '-c', 'user.email=rmos@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** A git repository holding a copy of the standard library in metrics/, one commit. */
function repository(): string {
  const dir = tempDir();
  cpSync(STANDARD, join(dir, 'metrics'), { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'standard library');
  return dir;
}

const NOT_A_REVISION = /'--output=x' is not a git revision: a revision cannot start with '-'; give a branch, tag or commit/;

describe('git refs that look like options', () => {
  let repo: string;
  beforeAll(() => {
    repo = repository();
  });

  it.each([
    ['diff -- --output=x', ['diff', '--lib', 'metrics', '--', '--output=x']],
    ['diff -- HEAD --output=x', ['diff', '--lib', 'metrics', '--', 'HEAD', '--output=x']],
    ['lint --base=--output=x', ['lint', 'metrics', '--base=--output=x']],
    ['compute --at=--output=x', ['compute', 'metrics', '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--at=--output=x']],
  ])('%s: exit 2, refused as a revision, and no file x is created', (_name, args) => {
    expectInputError(timedCli(args, { cwd: repo }), NOT_A_REVISION);
    expect(existsSync(join(repo, 'x'))).toBe(false);
    expect(readdirSync(repo).sort()).toEqual(['.git', 'metrics']);
  });

  it('diff HEAD --output=x: an unknown rmos option, exit 2, no file x', () => {
    const result = timedCli(['diff', 'HEAD', '--output=x', '--lib', 'metrics'], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: unknown option '--output=x'\n\(run `rmos diff --help` for usage\)\n$/);
    expect(existsSync(join(repo, 'x'))).toBe(false);
  });
});

describe('git not on the PATH', () => {
  let repo: string;
  let noGit: Record<string, string>;
  beforeAll(() => {
    repo = repository();
    noGit = { PATH: tempDir() };
  });

  it.each([
    ['diff HEAD', ['diff', 'HEAD', '--lib', 'metrics']],
    ['lint --base HEAD', ['lint', 'metrics', '--base', 'HEAD']],
    ['compute --at HEAD', ['compute', 'metrics', '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--at', 'HEAD']],
  ])('%s: exit 2 with a sentence', (_name, args) => {
    expectInputError(timedCli(args, { cwd: repo, env: noGit }), /^rmos: git is not installed \(or not on the PATH\); install git to read a library at a git revision\n$/);
  });

  it('compute without --at still works: the report just has no revision', () => {
    const result = timedCli(['compute', 'metrics', '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--metrics', 'nps', '--format', 'json'], { cwd: repo, env: noGit });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).library.revision).toBeNull();
  });
});

describe('--out and --rejects where nothing can be written', () => {
  const COMMANDS: [string, string[]][] = [
    ['compute --out', ['compute', STANDARD, '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--metrics', 'nps', '--format', 'json', '--out']],
    ['compute --rejects', ['compute', STANDARD, '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--metrics', 'nps', '--rejects']],
    ['variance --out', ['variance', ACME, '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--against', 'target', '--out']],
    ['catalog --out', ['catalog', STANDARD, '--out']],
  ];

  it.each(COMMANDS)('%s into a folder that does not exist: exit 2, a sentence, no file', (name, args) => {
    const dir = tempDir();
    const flag = name.split(' ')[1]!;
    expectInputError(timedCli([...args, 'missing/out.txt'], { cwd: dir }), new RegExp(`^rmos: ${flag} missing/out\\.txt: cannot write there: the folder does not exist\\n$`));
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(COMMANDS)('%s under a regular file (ENOTDIR, even as root): exit 2, no partial file', (_name, args) => {
    const dir = tempDir({ 'file.txt': 'keep me\n' });
    const result = timedCli([...args, 'file.txt/out.txt'], { cwd: dir });
    expectInputError(result, /file\.txt\/out\.txt: cannot write there/);
    expect(readdirSync(dir)).toEqual(['file.txt']);
  });

  it('… and says why in words, not as an error code', () => {
    const dir = tempDir({ 'file.txt': 'keep me\n' });
    const result = timedCli([...COMMANDS[0]![1], 'file.txt/out.txt'], { cwd: dir });
    expect(result.stderr).not.toMatch(/ENOTDIR/);
    expect(result.stderr).toContain('a part of the path is a file, not a folder');
  });

  it.skipIf(process.getuid?.() === 0)('into a read-only folder: exit 2, permission denied, no file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o555);
    try {
      expectInputError(timedCli([...COMMANDS[0]![1], 'ro/out.json'], { cwd: dir }), /cannot write there: permission denied/);
      expect(readdirSync(join(dir, 'ro'))).toEqual([]);
    } finally {
      chmodSync(join(dir, 'ro'), 0o755);
    }
  });

  it('a failed compute leaves no partial --rejects file and no temporary file', () => {
    const dir = tempDir({ 'data/survey_responses.csv': 'response_id,submitted_at,nps_score,is_test\n"A,2025-07-01T10:00:00Z,9,false\n' });
    const result = timedCli(['compute', STANDARD, '--data', 'data', '--period', '2025-Q3', '--metrics', 'nps', '--rejects', 'rejects.csv', '--out', 'out.json'], { cwd: dir });
    expectInputError(result, /unterminated quoted field/);
    expect(readdirSync(dir)).toEqual(['data']);
  });
});

describe('an export that disappears while rmos runs', () => {
  function dataCopy(): string {
    const dir = tempDir();
    cpSync(join(EXAMPLE_DATA, 'survey_responses'), join(dir, 'survey_responses'), { recursive: true });
    return dir;
  }

  async function computeDeleting(dir: string, victim: (file: string, index: number, rows: number) => string | undefined): Promise<unknown> {
    try {
      await runCompute({
        library: STANDARD,
        data: dir,
        sources: new Map(),
        period: '2025-Q3',
        by: [],
        metrics: ['nps'],
        params: new Map(),
        onReject: () => undefined,
        onProgress: (file: string, index: number, _total: number, rows: number) => {
          const path = victim(file, index, rows);
          if (path) rmSync(path, { force: true });
        },
      });
    } catch (error) {
      return error;
    }
    return undefined;
  }

  it('deleted between discovery and reading: an input error naming the file, not a crash', async () => {
    const dir = dataCopy();
    const gone = join(dir, 'survey_responses', '2025-12.csv');
    const error = await computeDeleting(dir, (_file, index) => (index === 1 ? gone : undefined));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toMatch(/InputError|CsvError/);
    expect((error as Error).message).toMatch(/2025-12\.csv: the file disappeared while it was being read/);
  });

  // A file deleted (or changed) while it is read is refused with its name: the report must
  // name the bytes its numbers came from.
  it('deleted while being read (after 65,536 rows): the file is named in an input error, never a raw fs error', async () => {
    const dir = dataCopy();
    const big = join(dir, 'survey_responses', 'big.csv');
    const rows = Array.from({ length: 70_000 }, (_, i) => `B${i},2025-08-01T10:00:00Z,${i % 11},false`);
    writeFileSync(big, `response_id,submitted_at,nps_score,is_test\n${rows.join('\n')}\n`);
    let deleted = false;
    const error = await computeDeleting(dir, (file, _index, read) => {
      if (!file.endsWith('big.csv') || read === 0 || deleted) return undefined;
      deleted = true;
      return big;
    });
    expect(deleted).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name, (error as Error).message).toMatch(/InputError|CsvError/);
    expect((error as Error).message).toMatch(/big\.csv/);
  });
});
