import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The installed rmos package folder (holding metrics/ and schemas/), from the bundle or from source. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'rmos') return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the rmos package folder');
    dir = parent;
  }
}

export function standardLibraryDir(): string {
  return join(packageRoot(), 'metrics');
}
