import { relative, resolve, sep } from 'node:path';
import { analyzeLibrary } from '../../core/library/analyze-metric.js';
import { loadCleanLibrary } from '../../io/compute/run-compute.js';
import { STANDARD_LIBRARY } from '../../io/library/load-library.js';
import { writeFileAtomic } from '../../io/output/write-atomic.js';
import { buildCatalog, CATALOG_FORMATTERS, type CatalogFormat } from '../../report/catalog/index.js';
import { UsageError, type CommandResult } from '../errors.js';

export interface CatalogOptions {
  readonly format: string;
  readonly out?: string;
}

/** Documentation of a whole library, the same bytes for the same definitions wherever it runs. */
export async function catalogCommand(dir: string, options: CatalogOptions): Promise<CommandResult> {
  if (!(options.format in CATALOG_FORMATTERS)) {
    throw new UsageError(`unknown format '${options.format}'; use one of ${Object.keys(CATALOG_FORMATTERS).join(', ')}`);
  }
  const library = await loadCleanLibrary(dir);
  // Files are named relative to the library, so the catalog does not depend on where it is run.
  const definedIn = (file: string): string => {
    if (!library.ownFiles.has(file)) return STANDARD_LIBRARY;
    return relative(library.root, resolve(file)).split(sep).join('/');
  };
  const text = CATALOG_FORMATTERS[options.format as CatalogFormat](buildCatalog(analyzeLibrary(library), definedIn));
  if (options.out === undefined) return { exitCode: 0, stdout: text };
  writeFileAtomic(options.out, text, '--out');
  return { exitCode: 0, stderr: `rmos: wrote the ${options.format} catalog of ${library.manifest.name} to ${options.out}\n` };
}
