import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { checkRef } from '../../../src/io/git/check-ref.js';
import { resolveCommit } from '../../../src/io/git/repository.js';

/** A repository that does not exist: were git run at all, the error would be a different one. */
const NOWHERE = { top: '/nonexistent/rmos-check-ref', dir: '/nonexistent/rmos-check-ref/lib', inRepo: 'lib' };

describe('checkRef', () => {
  it.each([
    ['--output=x', "a revision cannot start with '-'"],
    ['-x', "a revision cannot start with '-'"],
    ['HEAD; rm -rf /', 'it contains a space'],
    ['main feature', 'it contains a space'],
    ['HEAD;touch_x', "it contains ';'"],
    ['$(id)', "it contains '$'"],
    ['`id`', "it contains '`'"],
    ['a|b', "it contains '|'"],
    ['HEAD:metrics/nps.yaml', "it contains ':'"],
    ['v1\u0007', 'it contains a control character'],
    ['v1\nv2', 'it contains a control character'],
    ['v1..v2', "it is a range ('..'); give one revision"],
    ['', 'it is empty'],
    ['a'.repeat(300), 'it is longer than 256 characters'],
  ])('refuses %j with a reason, before any git process', (ref, why) => {
    const expected = `--base '${JSON.stringify(ref).slice(1, -1)}' is not a git revision: ${why}; give a branch, tag or commit such as origin/main, v1.2.0 or 3f2a9c1`;
    expect(() => checkRef(ref, '--base')).toThrow(new UsageError(expected));
    expect(() => resolveCommit(NOWHERE, ref, '--base')).toThrow(new UsageError(expected));
  });

  it.each(['main', 'origin/main', 'v1.2.0', 'HEAD~2', 'HEAD^', 'main@{1}', '3f2a9c1', 'refs/tags/v1', 'feature/x_y-z+1'])('accepts %j', (ref) => {
    expect(() => checkRef(ref, '--base')).not.toThrow();
  });
});
