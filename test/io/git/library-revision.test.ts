import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryRevision, libraryRevisionInBackground, type Revision } from '../../../src/io/git/library-revision.js';
import { createRepo, type TestRepo } from './git-repo.js';

let repo: TestRepo;
let scratch: string;

beforeAll(() => {
  repo = createRepo();
  scratch = mkdtempSync(join(tmpdir(), 'rmos-revision-'));
});
afterAll(() => {
  repo.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** Both forms, which must agree. */
async function revisionOf(dir: string): Promise<Revision> {
  const now = libraryRevision(dir);
  expect(await libraryRevisionInBackground(dir)).toEqual(now);
  return now;
}

/** Runs `body` with an environment variable set, restoring it after. */
async function withEnv<T>(name: string, value: string, body: () => Promise<T>): Promise<T> {
  const saved = process.env[name];
  process.env[name] = value;
  try {
    return await body();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

describe('libraryRevision', () => {
  it('is unknown outside a repository and before the first commit', async () => {
    expect(await withEnv('GIT_CEILING_DIRECTORIES', tmpdir(), () => revisionOf(scratch))).toEqual({ revision: null, dirty: null });
    expect(await revisionOf(repo.lib)).toEqual({ revision: null, dirty: null });
  });

  it('names the commit, and is dirty only for changes inside the library folder', async () => {
    const head = repo.commit('standard library');
    expect(await revisionOf(repo.lib)).toEqual({ revision: head, dirty: false });

    repo.write('notes.txt', 'outside the library');
    expect(await revisionOf(repo.lib)).toEqual({ revision: head, dirty: false });

    const restore = repo.snapshot();
    try {
      repo.write('lib/metrics/extra/new.yaml', 'metric: new\n');
      expect(await revisionOf(repo.lib)).toEqual({ revision: head, dirty: true });
      rmSync(join(repo.lib, 'metrics/extra'), { recursive: true });
      repo.edit('lib/metrics/nps.yaml', 'name: Net Promoter Score', 'name: NPS');
      expect(await revisionOf(repo.lib)).toEqual({ revision: head, dirty: true });
    } finally {
      restore();
    }
    expect(await revisionOf(repo.lib)).toEqual({ revision: head, dirty: false });
  });

  it('asks git once: the commit comes with the status', async () => {
    const trace = join(scratch, 'trace.log');
    await withEnv('GIT_TRACE', trace, () => revisionOf(repo.lib));
    const commands = readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes('trace: built-in: git '));
    // One call from each form.
    expect(commands).toHaveLength(2);
    expect(commands.every((line) => line.includes('git status --porcelain=v2 --branch'))).toBe(true);
  });

  it('asks for the commit and the status apart when git cannot answer both at once', async () => {
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const bin = join(scratch, 'old-git');
    const calls = join(scratch, 'old-git.log');
    mkdirSync(bin);
    // A git that knows no porcelain v2, as before git 2.11; it logs what it is asked.
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$1 $2" >> "${calls}"\ncase "$*" in *porcelain=v2*) echo "error: unknown option" >&2; exit 129;; esac\nexec "${realGit}" "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const head = repo.git('rev-parse', 'HEAD');
    const answer = await withEnv('PATH', `${bin}${delimiter}${process.env.PATH}`, () => revisionOf(repo.lib));
    expect(answer).toEqual({ revision: head, dirty: false });
    const asked = ['status --porcelain=v2', 'rev-parse --verify', 'status --porcelain'];
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toEqual([...asked, ...asked]);
  });
});
