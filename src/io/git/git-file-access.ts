import { posix, relative, sep } from 'node:path';
import { InputError } from '../../errors.js';
import type { FileAccess } from '../library/file-access.js';
import type { RepositoryPath } from './repository.js';
import { readBlobs } from './read-blobs.js';
import { listTree, type TreeEntry } from './list-tree.js';

const MAX_DEPTH = 8;
const YAML = /\.ya?ml$/i;
/** What a library folder holds that the loader reads: its manifest, sources and metrics. */
const DEFINITION_FOLDERS = ['rmos.yaml', 'sources/', 'metrics/'];

function enoent(path: string, where: string): Error {
  return Object.assign(new Error(`${path}: no such file${where}`), { code: 'ENOENT' });
}

/**
 * The files of one commit, as the library loader sees them. Each folder the loader
 * opens is listed once (`git ls-tree`), and its YAML files are read together through
 * one `git cat-file --batch`, so a library costs two git processes however many files it has.
 */
export class GitFileAccess implements FileAccess {
  private readonly listed = new Map<string, readonly TreeEntry[]>();
  private readonly blobs = new Map<string, Uint8Array>();

  constructor(
    private readonly repo: RepositoryPath,
    private readonly commit: string,
    readonly where: string,
  ) {}

  /** The path in the repository of an absolute path in the library's space, or undefined outside the repository. */
  private inRepo(path: string): string | undefined {
    const rel = relative(this.repo.dir, path).split(sep).join('/');
    const joined = posix.normalize(posix.join(this.repo.inRepo || '.', rel || '.'));
    if (joined === '..' || joined.startsWith('../')) return undefined;
    return joined === '.' ? '' : joined.replace(/\/$/, '');
  }

  /** The entries under a repository path, from a folder already listed or from a new listing. */
  private entriesUnder(rel: string): readonly TreeEntry[] {
    for (const [folder, entries] of this.listed) {
      if (folder === '' || rel === folder || rel.startsWith(`${folder}/`)) {
        return rel === folder ? entries : entries.filter((e) => e.path === rel || e.path.startsWith(`${rel}/`) || rel === '');
      }
    }
    const entries = listTree(this.repo.top, this.commit, rel);
    // A file lists as itself; only folders are kept as listings to answer later questions from.
    if (!(entries.length === 1 && entries[0]!.path === rel)) this.listed.set(rel, entries);
    return entries;
  }

  kind(path: string): 'file' | 'directory' | undefined {
    const rel = this.inRepo(path);
    if (rel === undefined) return undefined;
    const entries = this.entriesUnder(rel);
    if (entries.some((e) => e.path === rel)) return 'file';
    return rel === '' || entries.some((e) => e.path.startsWith(`${rel}/`)) ? 'directory' : undefined;
  }

  listFiles(dir: string): string[] {
    const rel = this.inRepo(dir);
    if (rel === undefined) return [];
    const prefix = rel === '' ? '' : `${rel}/`;
    return this.entriesUnder(rel)
      .filter((e) => e.path.startsWith(prefix) && e.type === 'blob')
      .filter((e) => {
        const folders = e.path.slice(prefix.length).split('/').slice(0, -1);
        return folders.length <= MAX_DEPTH && folders.every((f) => !f.startsWith('.'));
      })
      .map((e) => posix.join(this.repo.dir.split(sep).join('/'), posix.relative(this.repo.inRepo, e.path)).split('/').join(sep));
  }

  readFile(path: string): Uint8Array {
    const rel = this.inRepo(path);
    if (rel === undefined) throw enoent(path, this.where);
    const cached = this.blobs.get(rel);
    if (cached) return cached;
    const entries = this.entriesUnder(rel);
    const entry = entries.find((e) => e.path === rel);
    if (!entry) {
      if (entries.some((e) => e.path.startsWith(`${rel}/`))) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
      throw enoent(path, this.where);
    }
    if (entry.type !== 'blob') throw Object.assign(new Error(`${path} is a ${entry.type}`), { code: 'EINVAL' });
    // Read the definition files of the listed folder not read yet in the same process: the loader asks for them next.
    const folder = [...this.listed.entries()].find(([f]) => f === '' || rel.startsWith(`${f}/`));
    const prefix = folder && folder[0] !== '' ? `${folder[0]}/` : '';
    const isDefinition = (path: string): boolean => YAML.test(path) && DEFINITION_FOLDERS.some((d) => path.startsWith(`${prefix}${d}`));
    const wanted = [entry, ...(folder?.[1] ?? []).filter((e) => e !== entry && e.type === 'blob' && isDefinition(e.path) && !this.blobs.has(e.path))];
    const read = readBlobs(this.repo.top, wanted.map((e) => e.object));
    for (const e of wanted) {
      const bytes = read.get(e.object);
      if (bytes) this.blobs.set(e.path, bytes);
    }
    const bytes = this.blobs.get(rel);
    if (!bytes) throw new InputError(`cannot read ${rel} at ${this.commit}: the object is missing from this clone; fetch the full history (fetch-depth: 0)`);
    return bytes;
  }
}
