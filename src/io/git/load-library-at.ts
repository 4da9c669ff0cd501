import { join, resolve } from 'node:path';
import { loadLibrary, MANIFEST_FILE, type LoadedLibrary } from '../library/load-library.js';
import { GitFileAccess } from './git-file-access.js';
import { locateInRepository, resolveCommit, shortCommit } from './repository.js';

export interface LibraryAtRevision {
  readonly loaded: LoadedLibrary;
  /** The full commit id the revision names. */
  readonly commit: string;
  /** The library's files at that commit, for reading what the loader does not (targets, notes). */
  readonly files: GitFileAccess;
}

export interface RevisionFiles {
  readonly commit: string;
  readonly files: GitFileAccess;
  /** Whether the library folder has a manifest at that commit. */
  readonly hasLibrary: boolean;
}

/**
 * Opens a library folder's repository at a revision (`flag` names the option in messages).
 * Nothing is read yet beyond the folder's listing.
 */
export function openRevision(dir: string, ref: string, flag: string): RevisionFiles {
  const repo = locateInRepository(dir, dir);
  const commit = resolveCommit(repo, ref, flag);
  const files = new GitFileAccess(repo, commit, ` at ${ref} (${shortCommit(commit)})`);
  // The folder first: its listing then answers every later question about its files.
  const hasLibrary = files.kind(resolve(dir)) === 'directory' && files.kind(join(resolve(dir), MANIFEST_FILE)) === 'file';
  return { commit, files, hasLibrary };
}

/** Reads a library folder as it was at a git revision; display paths are those of the working tree. */
export function loadLibraryAt(dir: string, ref: string, flag: string, cwd = process.cwd()): LibraryAtRevision {
  const { commit, files } = openRevision(dir, ref, flag);
  return { loaded: loadLibrary(dir, cwd, files), commit, files };
}
