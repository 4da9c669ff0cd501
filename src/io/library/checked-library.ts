import { InputError } from '../../errors.js';
import { runRules } from '../../core/lint/run-rules.js';
import type { Library } from '../../core/library/types.js';
import { annotateLibrary, type Annotations } from '../annotations/load-annotations.js';
import type { FileAccess } from './file-access.js';
import { loadLibrary, type LoadedLibrary } from './load-library.js';
import { resolveFindings } from './resolve-findings.js';

/** Refuses a library with lint errors: numbers from broken definitions are not numbers. */
export function assertLintClean(loaded: LoadedLibrary, dir: string): void {
  const errors = resolveFindings([...loaded.problems, ...runRules(loaded.library)], loaded.files).filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  const first = errors[0]!;
  throw new InputError(`the library has ${errors.length} error${errors.length === 1 ? '' : 's'} (first: ${first.file}:${first.line}:${first.column} ${first.message}); run 'rmos lint ${dir}' and fix them first`);
}

/** The library at `dir`, read through `files`, refused when it has lint errors. */
export function cleanLibrary(dir: string, files: FileAccess, standardFiles: FileAccess): Library {
  const loaded = loadLibrary(dir, process.cwd(), files, standardFiles);
  assertLintClean(loaded, dir);
  return loaded.library;
}

/** cleanLibrary with its targets and notes (which are read through `files` too). */
export function annotatedLibrary(dir: string, files: FileAccess, standardFiles: FileAccess): { library: Library; annotations: Annotations } {
  return annotateLibrary(cleanLibrary(dir, files, standardFiles), files);
}
