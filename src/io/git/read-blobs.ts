import { InputError } from '../../errors.js';
import { runGit } from './run-git.js';

/** Reads many blobs through one `git cat-file --batch` process; object id → bytes (missing objects are left out). */
export function readBlobs(top: string, objects: readonly string[]): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  if (objects.length === 0) return blobs;
  const out = runGit(['cat-file', '--batch'], top, `${objects.join('\n')}\n`);
  if (out.status !== 0) throw new InputError(`git cat-file could not read the library's files${out.stderr ? ` (git: ${out.stderr.split('\n')[0]})` : ''}`);
  const data = out.stdout;
  let at = 0;
  while (at < data.length) {
    const eol = data.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = data.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    // "<object> missing" (or ambiguous): no contents follow.
    if (header.length !== 3) continue;
    const [object, , sizeText] = header;
    const size = Number(sizeText);
    blobs.set(object!, new Uint8Array(data.subarray(at, at + size)));
    at += size + 1;
  }
  return blobs;
}
