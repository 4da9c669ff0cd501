import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { InputError } from '../../errors.js';

export interface GitOutput {
  readonly status: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Definitions are small; this bounds what one git command may hand back (all blobs of a library together). */
const MAX_OUTPUT = 256 * 1024 * 1024;

/**
 * Runs `git` with an argument array (never a shell) and returns its exit status and output.
 * Pathspecs are literal, prompts are off, and messages are in English so they can be read.
 */
export function runGit(args: readonly string[], cwd: string, input?: string): GitOutput {
  const result = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: MAX_OUTPUT,
    timeout: 60_000,
    windowsHide: true,
    env: { ...process.env, GIT_LITERAL_PATHSPECS: '1', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    // spawn says ENOENT both for a missing program and a missing working folder.
    if (code === 'ENOENT' && !existsSync(cwd)) throw new InputError(`${cwd}: no such folder`);
    if (code === 'ENOENT') throw new InputError('git is not installed (or not on the PATH); install git to read a library at a git revision');
    throw new InputError(`git ${args[0]} failed: ${code ?? result.error.message}`);
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString('utf8').trim() };
}

/** Runs git and returns its trimmed output, or throws with `message` (plus git's own first line). */
export function gitText(args: readonly string[], cwd: string, message: string): string {
  const out = runGit(args, cwd);
  if (out.status !== 0) throw new InputError(`${message}${out.stderr ? ` (git: ${out.stderr.split('\n')[0]})` : ''}`);
  return out.stdout.toString('utf8').trim();
}
