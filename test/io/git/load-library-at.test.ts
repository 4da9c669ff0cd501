import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibraryAt, openRevision } from '../../../src/io/git/load-library-at.js';
import { loadLibrary } from '../../../src/io/library/load-library.js';
import { createRepo, type TestRepo } from './git-repo.js';

let repo: TestRepo;
let first: string;
let second: string;

beforeAll(() => {
  repo = createRepo();
  first = repo.commit('standard library');
  repo.git('tag', 'v1');
  repo.edit('lib/metrics/nps.yaml', 'formula: 100 * (promoters - detractors) / responses', 'formula: 100 * promoters / responses');
  repo.write('lib/metrics/extra/deep.yaml', 'not: [valid');
  second = repo.commit('change nps, add a broken file');
  repo.edit('lib/metrics/csat.yaml', 'name: Customer Satisfaction', 'name: Customer Satisfaction (working tree)');
});
afterAll(() => repo.remove());

describe('loadLibraryAt', () => {
  it('reads the same definitions from a commit as from the same files on disk', () => {
    const atHead = loadLibraryAt(repo.lib, 'HEAD', '--base', repo.dir);
    repo.git('stash', '-q');
    try {
      const onDisk = loadLibrary(repo.lib, repo.dir);
      expect(atHead.commit).toBe(second);
      expect([...atHead.loaded.files.keys()]).toEqual([...onDisk.files.keys()]);
      expect(JSON.stringify([...atHead.loaded.library.metrics.values()])).toBe(JSON.stringify([...onDisk.library.metrics.values()]));
      expect(atHead.loaded.problems).toEqual(onDisk.problems);
    } finally {
      repo.git('stash', 'pop', '-q');
    }
  });

  it('reads an older revision by tag, with working-tree display paths', () => {
    const atV1 = loadLibraryAt(repo.lib, 'v1', '--base', repo.dir);
    expect(atV1.commit).toBe(first);
    expect(atV1.loaded.library.metrics.get('nps')!.formula).toBe('100 * (promoters - detractors) / responses');
    expect(atV1.loaded.library.metrics.get('csat')!.name).toBe('Customer Satisfaction');
    expect([...atV1.loaded.files.keys()]).toContain('lib/metrics/nps.yaml');
    expect([...atV1.loaded.files.keys()]).not.toContain('lib/metrics/extra/deep.yaml');
    expect(atV1.loaded.problems).toEqual([]);
  });

  it('reads files in nested folders at a revision, and reports their problems with the display path', () => {
    const atHead = loadLibraryAt(repo.lib, 'HEAD', '--base', repo.dir);
    expect(atHead.loaded.problems.map((p) => [p.file, p.code])).toEqual([['lib/metrics/extra/deep.yaml', 'yaml-syntax']]);
  });

  it('reads all the files of a library through one git cat-file --batch process', () => {
    const trace = join(repo.dir, '..', `${repo.dir.split(/[\\/]/).pop()}-trace.log`);
    process.env.GIT_TRACE = trace;
    try {
      loadLibraryAt(repo.lib, 'v1', '--base', repo.dir);
    } finally {
      delete process.env.GIT_TRACE;
    }
    const commands = readFileSync(trace, 'utf8').split('\n').filter((l) => l.includes('trace: built-in: git')).map((l) => l.replace(/^.*trace: built-in: git /, '').split(' ')[0]);
    rmSync(trace, { force: true });
    expect(commands.sort()).toEqual(['cat-file', 'ls-tree', 'rev-parse', 'rev-parse']);
  });

  it('tells whether the folder is a library at that revision', () => {
    expect(openRevision(repo.lib, 'v1', '--base').hasLibrary).toBe(true);
    expect(openRevision(join(repo.dir, 'nowhere'), 'v1', '--base').hasLibrary).toBe(false);
  });

  it('says which revision lacks the folder', () => {
    expect(() => loadLibraryAt(join(repo.dir, 'nowhere'), 'v1', '--base', repo.dir)).toThrow(`nowhere: no such folder at v1 (${first.slice(0, 7)}); give the path of a metric library (a folder with an rmos.yaml)`);
  });

  it('refuses an unknown revision with a hint', () => {
    expect(() => loadLibraryAt(repo.lib, 'v9', '--base')).toThrow("no commit 'v9' in this repository; see git tag / git branch -a");
  });

  it('refuses a folder that is not in a git repository', () => {
    const outside = mkdtempSync(join(tmpdir(), 'rmos-nogit-'));
    try {
      expect(() => loadLibraryAt(outside, 'HEAD', '--base')).toThrow(/is not in a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
