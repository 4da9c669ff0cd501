import { statSync, type Stats } from 'node:fs';
import { InputError } from '../../errors.js';

function stamp(path: string, shown: string): Stats {
  try {
    return statSync(path);
  } catch {
    throw new InputError(`${shown}: the file disappeared while it was being read; run again once it is in place`);
  }
}

/** The error for a file whose content changed while rmos read it. */
export function changedWhileRead(shown: string): InputError {
  return new InputError(`${shown}: the file changed while it was being read; run again once it is complete`);
}

/**
 * Runs a read of a file and its hash, and refuses the result if the file changed or
 * disappeared meanwhile: the report must name the bytes its numbers came from. A file that
 * workers may have read before this call passes the stat taken before they started.
 */
export async function readUnchanged<T>(path: string, shown: string, read: () => Promise<T>, planned?: Stats | null): Promise<T> {
  // `planned`: the stat taken before the file was handed to other readers (null: it was missing then).
  const before = planned ?? stamp(path, shown);
  let result: T;
  try {
    result = await read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') stamp(path, shown);
    throw error;
  }
  const after = stamp(path, shown);
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ino !== before.ino) throw changedWhileRead(shown);
  return result;
}
