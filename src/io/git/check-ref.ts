import { UsageError } from '../../errors.js';

/** Characters a revision may hold: names, `/`, `.`, `-`, `_`, `+`, `@`, and `~N`, `^N`, `@{...}` suffixes. */
const ALLOWED = /^[A-Za-z0-9._/@{}~^+-]+$/;
const MAX_LENGTH = 256;

/**
 * Refuses what is not a plain revision before git sees it: options (`--output=x`, `-x`),
 * shell syntax, spaces, control characters, ranges and `REV:path`. Git is never run
 * through a shell and gets `--end-of-options` as well; this gives a clear message first.
 */
export function checkRef(ref: string, flag: string): void {
  const shown = JSON.stringify(ref).slice(1, -1);
  const refuse = (why: string): never => {
    throw new UsageError(`${flag ? `${flag} ` : ''}'${shown}' is not a git revision: ${why}; give a branch, tag or commit such as origin/main, v1.2.0 or 3f2a9c1`);
  };
  if (ref === '') refuse('it is empty');
  if (ref.startsWith('-')) refuse("a revision cannot start with '-'");
  if (ref.length > MAX_LENGTH) refuse(`it is longer than ${MAX_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(ref)) refuse('it contains a control character');
  if (/\s/.test(ref)) refuse('it contains a space');
  if (ref.includes('..')) refuse("it is a range ('..'); give one revision");
  if (!ALLOWED.test(ref)) {
    const bad = [...ref].find((c) => !ALLOWED.test(c))!;
    refuse(`it contains '${bad}'`);
  }
}
