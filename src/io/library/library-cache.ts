import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { nodeFileAccess, type FileAccess } from './file-access.js';

/**
 * Set by build.mjs: a digest of the code and schemas this build was made from. Code run from
 * src/ (the tests' own imports) has none, and never uses the cache.
 */
declare const RMOS_BUILD_ID: string | undefined;

/** One question the loader asked of the file system, and the answer it got. */
type Observation =
  | { readonly op: 'list'; readonly path: string; readonly answer: readonly string[] }
  | { readonly op: 'kind'; readonly path: string; readonly answer: 'file' | 'directory' | undefined }
  /** `answer`: the SHA-256 of the bytes, or the error code when the file could not be read. */
  | { readonly op: 'read'; readonly path: string; readonly answer: string };

interface Entry<T> {
  readonly build: string;
  readonly observations: readonly Observation[];
  readonly value: T;
}

/** Entries kept; the oldest beyond this are removed when a new one is written. */
const MAX_ENTRIES = 200;

/**
 * What `load` makes of the library at `dir` (a checked library, say), from a cache when the
 * files it would read are unchanged. `load` must read every file through the two FileAccess
 * it is given (the library's, and the installed standard library's), must be deterministic,
 * and must throw for a library it refuses; its result must survive structured cloning.
 *
 * Reading YAML, validating it against the schemas and running the lint rules is most of
 * what `rmos compute` does before it reads data. The cache records every question `load`
 * asked of the file system (which files a folder holds, whether a path is a file or a
 * folder, the bytes of each file read) and the answers. A later run asks the same questions
 * again, cheaply (a folder listing, and a SHA-256 of each small file); when every answer is
 * the same, `load` would return the same thing, and the cached result is used. A file added,
 * removed or changed, another working directory (paths in messages are relative to it) or
 * another build of rmos is a miss. Nothing refused is cached. RMOS_NO_CACHE=1 bypasses the
 * cache; RMOS_CACHE_DIR moves it (default: $XDG_CACHE_HOME/rmos, else ~/.cache/rmos).
 */
export async function cachedLoad<T>(what: string, dir: string, load: (files: FileAccess, standardFiles: FileAccess) => Promise<T>): Promise<T> {
  const cwd = process.cwd();
  const path = entryPath(what, dir, cwd);
  if (path === null) return load(nodeFileAccess, nodeFileAccess);
  const cached = readEntry<T>(path);
  if (cached !== null && cached.build === RMOS_BUILD_ID && cached.observations.every(answersAgain)) return cached.value;

  const observations: Observation[] = [];
  const recorder = recording(nodeFileAccess, observations);
  const value = await load(recorder, recorder);
  writeEntry(path, { build: RMOS_BUILD_ID!, observations, value });
  return value;
}

/** Where the cache keeps this library's entry, or null when the cache is off. */
function entryPath(what: string, dir: string, cwd: string): string | null {
  if (typeof RMOS_BUILD_ID !== 'string' || process.env.RMOS_NO_CACHE === '1') return null;
  const key = createHash('sha256').update(`${RMOS_BUILD_ID}\0${what}\0${resolve(cwd, dir)}\0${cwd}`).digest('hex').slice(0, 32);
  return join(cacheDir(), `library-${key}.bin`);
}

function cacheDir(): string {
  if (process.env.RMOS_CACHE_DIR) return resolve(process.env.RMOS_CACHE_DIR);
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'rmos');
}

/** A FileAccess that notes every answer it gives. */
function recording(files: FileAccess, into: Observation[]): FileAccess {
  return {
    where: files.where,
    listFiles(path) {
      const answer = files.listFiles(path);
      into.push({ op: 'list', path, answer: [...answer] });
      return answer;
    },
    kind(path) {
      const answer = files.kind(path);
      into.push({ op: 'kind', path, answer });
      return answer;
    },
    readFile(path) {
      try {
        const bytes = files.readFile(path);
        into.push({ op: 'read', path, answer: digest(bytes) });
        return bytes;
      } catch (error) {
        into.push({ op: 'read', path, answer: `error:${(error as NodeJS.ErrnoException).code ?? 'unknown'}` });
        throw error;
      }
    },
  };
}

function answersAgain(observation: Observation): boolean {
  switch (observation.op) {
    case 'list': {
      const now = nodeFileAccess.listFiles(observation.path);
      return now.length === observation.answer.length && now.every((file, i) => file === observation.answer[i]);
    }
    case 'kind':
      return nodeFileAccess.kind(observation.path) === observation.answer;
    case 'read': {
      let now: string;
      try {
        now = digest(readFileSync(observation.path));
      } catch (error) {
        now = `error:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`;
      }
      return now === observation.answer;
    }
  }
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/** The entry, or null when there is none or it cannot be read (a cache is never an error). */
function readEntry<T>(path: string): Entry<T> | null {
  try {
    const entry = deserialize(readFileSync(path)) as Entry<T>;
    return typeof entry === 'object' && entry !== null && Array.isArray(entry.observations) ? entry : null;
  } catch {
    return null;
  }
}

/** Writes the entry whole (a temporary file renamed), then trims the oldest entries; failures are ignored. */
function writeEntry<T>(path: string, entry: Entry<T>): void {
  const dir = join(path, '..');
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, serialize(entry));
    renameSync(temporary, path);
    trim(dir);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself cannot be reached: nothing was written.
    }
  }
}

function trim(dir: string): void {
  const names = readdirSync(dir).filter((name) => name.startsWith('library-') && name.endsWith('.bin'));
  if (names.length <= MAX_ENTRIES) return;
  const byAge = names.map((name) => ({ name, mtime: statSync(join(dir, name)).mtimeMs })).sort((a, b) => a.mtime - b.mtime);
  for (const { name } of byAge.slice(0, names.length - MAX_ENTRIES)) rmSync(join(dir, name), { force: true });
}
