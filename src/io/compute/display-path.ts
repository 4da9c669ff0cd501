import { relative } from 'node:path';

/** A path as the user would type it from here: relative when inside the working folder. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
