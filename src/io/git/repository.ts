import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { InputError } from '../../errors.js';
import { checkRef } from './check-ref.js';
import { runGit } from './run-git.js';

/** A folder located inside a git repository: where git runs, and the folder's path in the repository. */
export interface RepositoryPath {
  /** The repository's top folder (where git runs). */
  readonly top: string;
  /** The folder as the user named it, absolute. */
  readonly dir: string;
  /** The same folder relative to the repository's top, with '/' ('' for the top itself). */
  readonly inRepo: string;
}

/** The nearest folder that exists, and the path segments below it that do not. */
function existingAncestor(dir: string): { base: string; rest: string } {
  let base = dir;
  while (!existsSync(base) && dirname(base) !== base) base = dirname(base);
  return { base, rest: relative(base, dir) };
}

/** Locates a library folder in its git repository; the folder need not exist in the working tree. */
export function locateInRepository(dir: string, shown: string): RepositoryPath {
  const absolute = resolve(dir);
  const { base, rest } = existingAncestor(absolute);
  const out = runGit(['rev-parse', '--show-toplevel', '--show-prefix'], base);
  if (out.status !== 0) {
    throw new InputError(`${shown} is not in a git repository, so it has no revisions to read; run rmos inside a clone (git init, or git clone)`);
  }
  const [top, prefix = ''] = out.stdout.toString('utf8').split('\n');
  if (!top) throw new InputError(`${shown} is inside a git folder but not in a working tree; run rmos in a checkout`);
  const inRepo = [prefix.replace(/\/$/, ''), ...rest.split(sep)].filter(Boolean).join('/');
  return { top, dir: absolute, inRepo };
}

/** The full commit id a revision names, with messages that say what to do when there is none. */
export function resolveCommit(repo: RepositoryPath, ref: string, flag: string): string {
  checkRef(ref, flag);
  const out = runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], repo.top);
  const commit = out.stdout.toString('utf8').trim();
  if (out.status === 0 && /^[0-9a-f]{40,64}$/.test(commit)) return commit;
  const shallow = runGit(['rev-parse', '--is-shallow-repository'], repo.top).stdout.toString('utf8').trim() === 'true';
  if (shallow) {
    throw new InputError(`no commit '${ref}' in this shallow clone; fetch the full history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)`);
  }
  throw new InputError(`no commit '${ref}' in this repository; see git tag / git branch -a`);
}

/** A short form of a commit id, for messages. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}
