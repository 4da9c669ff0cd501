import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors.js';

const DATA_FILE = /\.(csv|tsv|txt)(\.gz)?$/i;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch (error) {
    // A name that looks like an export but cannot be opened is not skipped silently.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new InputError(`${path}: the symbolic link points back to itself (a link loop); fix or remove it`);
    if (code === 'EACCES') throw new InputError(`${path}: permission denied`);
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function dataFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => DATA_FILE.test(name) && !name.startsWith('.') && isFile(join(dir, name)))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * The files of one source under `--data DIR`: DIR/<source>.csv, DIR/<source>*.csv,
 * the same with .gz, or every data file in DIR/<source>/. Sorted by name, so the
 * result never depends on the order the file system lists them in.
 */
export function findSourceFiles(dataDir: string, source: string): string[] {
  const files = new Set<string>();
  const folder = join(dataDir, source);
  if (isDirectory(folder)) for (const f of dataFilesIn(folder)) files.add(f);
  for (const name of readdirSync(dataDir).sort()) {
    if (!name.startsWith(source) || !/\.csv(\.gz)?$/i.test(name)) continue;
    const rest = name.slice(source.length);
    // spend_2025.csv belongs to spend, but spending.csv does not.
    if (!/^([^a-z0-9].*)?\.csv(\.gz)?$/i.test(rest)) continue;
    const path = join(dataDir, name);
    if (isFile(path)) files.add(path);
  }
  return [...files].sort();
}

/** Files given with --source NAME=PATH: a file, or a folder of data files. */
export function filesAt(path: string, source: string): string[] {
  if (isDirectory(path)) {
    const files = dataFilesIn(path);
    if (files.length === 0) throw new InputError(`--source ${source}=${path}: the folder holds no .csv or .csv.gz file`);
    return files;
  }
  if (!isFile(path)) throw new InputError(`--source ${source}=${path}: no such file`);
  return [path];
}

export function checkDataDir(dataDir: string): void {
  if (!isDirectory(dataDir)) {
    throw new InputError(`--data ${dataDir}: ${isFile(dataDir) ? 'is a file; give the folder that holds the exports (or use --source NAME=PATH)' : 'no such folder'}`);
  }
}
