import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { InputError } from '../../errors.js';
import { packageRoot } from '../library/find-package-root.js';
import { planLibrary, type PlannedFile, type TemplateValues } from './plan-library.js';

/** Entries that do not make a folder "not empty": a fresh `git init` may come first. */
const IGNORED = new Set(['.git']);

export function templateDir(): string {
  return join(packageRoot(), 'templates', 'library');
}

function readTemplates(root: string): PlannedFile[] {
  const files: PlannedFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push({ path: relative(root, path).split(sep).join('/'), content: readFileSync(path) });
    }
  };
  walk(root);
  return files;
}

/** What is already in the target folder, or null when it does not exist. */
function existingEntries(dir: string): string[] | null {
  try {
    return readdirSync(dir).filter((name) => !IGNORED.has(name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw new InputError(`${dir} is a file; give a folder for the new library`);
    throw new InputError(`cannot read ${dir}: ${code ?? (error as Error).message}`);
  }
}

/**
 * Writes a new library into `dir` from the shipped templates. Refuses a folder that
 * already holds files unless `force`, in which case files of the same name are replaced.
 */
export function scaffoldLibrary(dir: string, values: TemplateValues, force: boolean): string[] {
  const existing = existingEntries(dir);
  if (existing && existing.length > 0 && !force) {
    const shown = existing.sort().slice(0, 3).join(', ');
    throw new InputError(`${dir} is not empty (it has ${shown}${existing.length > 3 ? ', ...' : ''}); choose a new folder, or add --force to write the library's files into it`);
  }
  const files = planLibrary(readTemplates(templateDir()), values);
  try {
    for (const file of files) {
      const path = join(dir, ...file.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
  } catch (error) {
    throw new InputError(`cannot write the library into ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return files.map((f) => f.path);
}
