import { execFileSync, spawn } from 'node:child_process';

export interface Revision {
  readonly revision: string | null;
  readonly dirty: boolean | null;
}

const TIMEOUT_MS = 10_000;
const HEAD = ['rev-parse', '--verify', '--end-of-options', 'HEAD'];
const CHANGES = ['status', '--porcelain', '--untracked-files=all', '--', '.'];
/**
 * The same question in one process: porcelain v2 with `--branch` heads the list of changed
 * files with `# branch.oid <commit>` (`(initial)` before the first commit). Ahead/behind
 * counts are not needed and can be slow to compute, so they are skipped.
 */
const HEAD_AND_CHANGES = ['status', '--porcelain=v2', '--branch', '--no-ahead-behind', '--untracked-files=all', '--', '.'];

function git(args: readonly string[], cwd: string): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: TIMEOUT_MS }).trim();
  } catch {
    return null;
  }
}

function gitInBackground(args: readonly string[], cwd: string): Promise<string | null> {
  return new Promise((resolve) => {
    // Only stdout is piped: each pipe costs the main thread time to set up.
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: TIMEOUT_MS });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks).toString('utf8').trim() : null));
  });
}

/** Reads the one-process answer; undefined when git failed or printed no commit line (an old git): then ask apart. */
function fromStatus(out: string | null): Revision | undefined {
  const oid = out === null ? undefined : /^# branch\.oid (\S+)$/m.exec(out)?.[1];
  if (oid === undefined) return undefined;
  // Before the first commit HEAD names nothing, and the revision is unknown as when rev-parse fails.
  if (!/^[0-9a-f]{40,64}$/.test(oid)) return { revision: null, dirty: null };
  return { revision: oid, dirty: out!.split('\n').some((line) => line !== '' && !line.startsWith('#')) };
}

/** The revision from `git rev-parse HEAD` and the dirty flag from `git status --porcelain`, asked apart. */
function fromSeparateAnswers(head: string | null, status: string | null): Revision {
  if (head === null) return { revision: null, dirty: null };
  return { revision: head, dirty: status === null ? null : status.length > 0 };
}

/** The commit a library folder is at, and whether its files differ from it; nulls outside git. */
export function libraryRevision(dir: string): Revision {
  const answer = fromStatus(git(HEAD_AND_CHANGES, dir));
  if (answer) return answer;
  const head = git(HEAD, dir);
  return fromSeparateAnswers(head, head === null ? null : git(CHANGES, dir));
}

/**
 * The same as libraryRevision without blocking: git runs in another process while the
 * caller reads the library and the data. Never rejects.
 */
export async function libraryRevisionInBackground(dir: string): Promise<Revision> {
  const answer = fromStatus(await gitInBackground(HEAD_AND_CHANGES, dir));
  if (answer) return answer;
  const head = await gitInBackground(HEAD, dir);
  return fromSeparateAnswers(head, head === null ? null : await gitInBackground(CHANGES, dir));
}
