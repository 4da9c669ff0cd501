import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepo, type TestRepo } from '../io/git/git-repo.js';
import { runCli } from './run-cli.js';

let repo: TestRepo;

beforeAll(() => {
  repo = createRepo();
  cpSync(repo.lib, join(repo.dir, 'untouched'), { recursive: true });
  repo.commit('two copies of the standard library');
  repo.git('tag', 'v1');
  // A pull request's working tree: a formula change without a bump, a deletion, a status moved back, a new library.
  repo.edit('lib/metrics/nps.yaml', 'formula: 100 * (promoters - detractors) / responses', 'formula: 100 * promoters / responses');
  rmSync(join(repo.lib, 'metrics/ces.yaml'));
  repo.edit('lib/metrics/csat.yaml', '\nstatus: approved', '\nstatus: draft');
  cpSync(join(repo.dir, 'untouched'), join(repo.dir, 'brand-new'), { recursive: true });
});
afterAll(() => repo.remove());

const lint = (...args: string[]) => runCli(['lint', ...args], { cwd: repo.dir });

describe('rmos lint --base', () => {
  it('annotates the exact lines of every change-rule finding for GitHub, and exits 1', () => {
    const result = lint('lib', '--base', 'v1', '--format', 'github');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([
      "::error file=lib/metrics/ces.yaml,line=1,col=1,endLine=1,endColumn=1,title=rmos metric-removed-without-deprecation::metric 'ces' was removed, but it was approved (not deprecated) at v1; release it with status: deprecated first, so reports and metrics that use it are warned, then remove it",
      "::error file=lib/metrics/csat.yaml,line=8,col=9,endLine=8,endColumn=14,title=rmos status-regressed::the status of 'csat' went back from approved to draft; status only moves draft -> approved -> deprecated (define a new metric to start over)",
      "::error file=lib/metrics/nps.yaml,line=8,col=10,endLine=8,endColumn=15,title=rmos version-not-bumped::'nps' changed since v1 (the formula), but its version is still 1.0.0; raise it to 1.1.0 and add a changelog entry",
      "::error file=lib/metrics/nps.yaml,line=45,col=1,endLine=45,endColumn=10,title=rmos changelog-not-updated::'nps' changed since v1, but its changelog has no new entry; add one for the new version saying what changed and why",
    ]);
  });

  it('passes a library that did not change, and the same library without --base', () => {
    const result = lint('untouched', '--base', 'v1');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✔ standard: 12 files checked, no problems\n');
    expect(lint('lib').code).toBe(0);
  });

  it('skips the change rules, with a note, for a library that did not exist at the base', () => {
    const result = lint('brand-new', '--base', 'v1');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('rmos: note: brand-new is not a library at v1, so there are no changes to check; the change rules were skipped\n');
  });

  it('refuses a base that is an option or shell text, runs nothing and writes no file', () => {
    for (const [ref, why] of [['--output=x', "a revision cannot start with '-'"], ['HEAD; rm -rf /', 'it contains a space']]) {
      const result = lint('lib', `--base=${ref}`);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`rmos: --base '${ref}' is not a git revision: ${why}; give a branch, tag or commit such as origin/main, v1.2.0 or 3f2a9c1\n`);
    }
    expect(existsSync(join(repo.dir, 'x'))).toBe(false);
  });

  it('names an unknown base', () => {
    const result = lint('lib', '--base', 'origin/main');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("rmos: no commit 'origin/main' in this repository; see git tag / git branch -a\n");
  });
});
