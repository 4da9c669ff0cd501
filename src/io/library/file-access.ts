import { readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/**
 * How the library loader reaches files: the working tree by default, or a git revision
 * (src/io/git/git-file-access.ts). Paths are absolute, as the loader builds them.
 */
export interface FileAccess {
  /** Regular files under `dir`, recursively (at most 8 folders deep, skipping hidden folders); [] when there is no such folder. */
  listFiles(dir: string): string[];
  /** The bytes of a file; throws an error with a `code` (ENOENT, EISDIR, ...) when it cannot. */
  readFile(path: string): Uint8Array;
  /** Whether `path` is a file, a folder, or nothing. */
  kind(path: string): 'file' | 'directory' | undefined;
  /** Appended to "no such folder" messages, e.g. " at v1 (3f2a9c1)"; empty for the working tree. */
  readonly where: string;
}

const MAX_DEPTH = 8;

export const nodeFileAccess: FileAccess = {
  where: '',
  listFiles(dir) {
    const found: string[] = [];
    const walk = (current: string, depth: number): void => {
      let entries: Dirent[];
      try {
        entries = readdirSync(current, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = join(current, entry.name);
        if (entry.isDirectory() && depth < MAX_DEPTH && !entry.name.startsWith('.')) walk(path, depth + 1);
        else if (entry.isFile()) found.push(path);
      }
    };
    walk(dir, 0);
    return found;
  },
  readFile: (path) => readFileSync(path),
  kind(path) {
    try {
      const stat = statSync(path);
      return stat.isDirectory() ? 'directory' : 'file';
    } catch {
      return undefined;
    }
  },
};
