import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_RULES } from '../../../src/core/governance/rules/index.js';
import type { Finding } from '../../../src/core/problem.js';
import { runChangeRules } from '../../../src/core/governance/run-change-rules.js';
import { checkChanges } from '../../../src/io/git/check-changes.js';
import { loadLibraryAt } from '../../../src/io/git/load-library-at.js';
import { loadLibrary, type LoadedLibrary } from '../../../src/io/library/load-library.js';
import { resolveFindings } from '../../../src/io/library/resolve-findings.js';
import { createRepo, type TestRepo } from '../../io/git/git-repo.js';

/** A change made to the working tree of a repository whose `base` tag holds the standard library in lib/. */
export type Edit = (repo: TestRepo) => void;

export interface ChangeCase {
  readonly name: string;
  readonly edit: Edit;
  /** The edit moves the `base` tag (commits a new base). */
  readonly newBase?: boolean;
  /** The edit leaves a file that fails to load (so the library is not expected to be clean). */
  readonly broken?: boolean;
}

export interface InvalidChangeCase extends ChangeCase {
  /** `file:line:column message` of every finding of the rule. */
  readonly findings: readonly string[];
}

/** Raises nps (or `file`) from 1.0.0 to `version` with a changelog entry. */
export function bump(version: string, file = 'lib/metrics/nps.yaml'): Edit {
  return (repo) => {
    repo.edit(file, '\nversion: 1.0.0', `\nversion: ${version}`);
    addEntry(version, file)(repo);
  };
}

export function addEntry(version: string, file = 'lib/metrics/nps.yaml'): Edit {
  return (repo) => repo.edit(file, 'changelog:\n', `changelog:\n  - version: ${version}\n    date: 2025-02-01\n    change: Changed.\n`);
}

export const all = (...edits: Edit[]): Edit => (repo) => edits.forEach((e) => e(repo));
export const replace = (from: string, to: string, file = 'lib/metrics/nps.yaml'): Edit => (repo) => repo.edit(file, from, to);

/** The findings of every lint and change rule for the working tree against `base`. */
export function lintAgainstBase(repo: TestRepo): Finding[] {
  const loaded = loadLibrary(repo.lib, repo.dir);
  const changes = checkChanges(repo.lib, loaded, 'base', repo.dir);
  return resolveFindings([...loaded.problems, ...changes.problems], loaded.files);
}

/**
 * eslint-style tests of one change rule against real commits: each case starts from the
 * `base` tag, edits the working tree, and lists exactly the rule's findings.
 */
export function testChangeRule(code: string, cases: { valid: readonly ChangeCase[]; invalid: readonly InvalidChangeCase[] }): void {
  const rule = CHANGE_RULES.find((r) => r.code === code);
  let repo: TestRepo;
  let restore: () => void;
  let base: LoadedLibrary;
  beforeAll(() => {
    repo = createRepo();
    repo.commit('standard library');
    repo.git('tag', 'base');
    restore = repo.snapshot();
    base = loadLibraryAt(repo.lib, 'base', '--base', repo.dir).loaded;
  });
  afterAll(() => repo.remove());
  // The base is read from git once per file (lintAgainstBase reads it each time, as `rmos lint --base` does).
  const run = (c: ChangeCase): Finding[] => {
    restore();
    c.edit(repo);
    if (c.newBase) return lintAgainstBase(repo);
    const loaded = loadLibrary(repo.lib, repo.dir);
    return resolveFindings([...loaded.problems, ...runChangeRules(base.library, loaded.library, 'base')], loaded.files);
  };

  describe(code, () => {
    it('is registered', () => {
      expect(rule?.code).toBe(code);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const findings = run(c);
        expect(findings.filter((f) => f.code === code).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([]);
        // The library itself stays clean: a valid case is not valid because loading failed.
        if (!c.broken) expect(findings.filter((f) => f.code.startsWith('schema-') || f.code.startsWith('yaml-'))).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const findings = run(c).filter((f) => f.code === code);
        expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual(c.findings);
        for (const f of findings) expect(f.severity).toBe(rule?.severity);
      });
    }
  });
}
