import { InputError } from '../../errors.js';
import { runGit } from './run-git.js';

export interface TreeEntry {
  readonly mode: string;
  readonly type: 'blob' | 'tree' | 'commit';
  readonly object: string;
  /** Path from the repository's top, with '/'. */
  readonly path: string;
}

/** Every file under `path` (the whole tree for '') at a commit: `git ls-tree -r -z --full-tree`. */
export function listTree(top: string, commit: string, path: string): TreeEntry[] {
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...(path === '' ? [] : [path])];
  const out = runGit(args, top);
  if (out.status !== 0) throw new InputError(`cannot list the files of commit ${commit.slice(0, 7)}${out.stderr ? ` (git: ${out.stderr.split('\n')[0]})` : ''}`);
  const entries: TreeEntry[] = [];
  for (const record of out.stdout.toString('utf8').split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, object] = record.slice(0, tab).split(' ');
    // Symbolic links (120000) are blobs holding a path, not a definition: leave them out.
    if (!mode || !object || mode === '120000' || (type !== 'blob' && type !== 'tree' && type !== 'commit')) continue;
    entries.push({ mode, type, object, path: record.slice(tab + 1) });
  }
  return entries;
}
