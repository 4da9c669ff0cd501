import { execFileSync } from 'node:child_process';

export interface Revision {
  readonly revision: string | null;
  readonly dirty: boolean | null;
}

function git(args: string[], cwd: string): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  } catch {
    return null;
  }
}

/** The commit a library folder is at, and whether its files differ from it; nulls outside git. */
export function libraryRevision(dir: string): Revision {
  const revision = git(['rev-parse', '--verify', '--end-of-options', 'HEAD'], dir);
  if (revision === null) return { revision: null, dirty: null };
  const status = git(['status', '--porcelain', '--untracked-files=all', '--', '.'], dir);
  return { revision, dirty: status === null ? null : status.length > 0 };
}
