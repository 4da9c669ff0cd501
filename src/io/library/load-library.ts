import { dirname, join, relative, resolve } from 'node:path';
import type { Problem } from '../../core/problem.js';
import { patchSource, toManifest, toMetric, toParameters, toSource } from '../../core/library/to-definitions.js';
import type { Library, LibraryEntry, Manifest, MetricDef, Parameter, SourceDef } from '../../core/library/types.js';
import { validateDefinition, type DefinitionKind } from '../schema/validate-definition.js';
import { parseYaml, type YamlFile } from '../yaml/parse-yaml.js';
import { nodeFileAccess, type FileAccess } from './file-access.js';
import { standardLibraryDir } from './find-package-root.js';
import { LibraryError } from './library-error.js';
import { listDefinitionFiles } from './list-definition-files.js';

export const MANIFEST_FILE = 'rmos.yaml';
export const STANDARD_LIBRARY = 'rmos:standard';

export interface LoadedLibrary {
  readonly library: Library;
  /** Parsed files by display path, for placing problems. */
  readonly files: ReadonlyMap<string, YamlFile>;
  /** Problems found while reading: YAML, schema and structure. */
  readonly problems: readonly Problem[];
}

interface ReadResult {
  data?: Record<string, unknown>;
  valid: boolean;
}

class LibraryReader {
  readonly files = new Map<string, YamlFile>();
  readonly problems: Problem[] = [];
  private readonly loading: string[] = [];

  constructor(
    private readonly cwd: string,
    private access: FileAccess,
    /** How the installed standard library (`extends: rmos:standard`) is read. */
    private readonly standardAccess: FileAccess,
  ) {}

  display(path: string): string {
    const rel = relative(this.cwd, path);
    return rel === '' ? '.' : rel.startsWith('..') && rel.split('..').length > 3 ? path : rel;
  }

  readDefinition(path: string, kind: DefinitionKind): ReadResult {
    const shown = this.display(path);
    let bytes: Uint8Array;
    try {
      bytes = this.access.readFile(path);
    } catch (error) {
      this.problems.push({ code: 'file-unreadable', message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, file: shown, path: [], position: { line: 1, column: 1 } });
      return { valid: false };
    }
    const parsed = parseYaml(shown, bytes);
    this.problems.push(...parsed.problems);
    if (!parsed.file) return { valid: false };
    this.files.set(shown, parsed.file);
    const data = parsed.file.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      this.problems.push({ code: 'schema-type', message: `a ${kind} definition must be a mapping of keys to values`, file: shown, path: [] });
      return { valid: false };
    }
    const schemaProblems = validateDefinition(kind, shown, data);
    this.problems.push(...schemaProblems);
    return { data: data as Record<string, unknown>, valid: schemaProblems.length === 0 };
  }

  load(dir: string, access: FileAccess = this.access): Library {
    const root = resolve(dir);
    if (this.loading.includes(root)) {
      throw new LibraryError(`libraries extend each other in a loop: ${[...this.loading, root].map((d) => this.display(d)).join(' -> ')}`);
    }
    const outer = this.access;
    this.access = access;
    this.loading.push(root);
    try {
      checkLibraryFolder(access, root, this.display(root));
      return this.loadFolder(root);
    } finally {
      this.loading.pop();
      this.access = outer;
    }
  }

  private loadFolder(root: string): Library {
    const manifestPath = join(root, MANIFEST_FILE);
    const manifestRead = this.readDefinition(manifestPath, 'manifest');
    const manifestFile = this.display(manifestPath);
    const raw = manifestRead.valid ? manifestRead.data! : {};
    const manifest: Manifest = manifestRead.valid
      ? toManifest(raw, manifestFile)
      : { name: 'unnamed', timezone: 'UTC', fiscalYearStartMonth: 1, file: manifestFile };

    let parent: Library | undefined;
    if (manifest.extends) {
      // The standard library is the installed rmos's, whatever revision the library is read at.
      const standard = manifest.extends === STANDARD_LIBRARY;
      const parentDir = standard ? standardLibraryDir() : resolve(dirname(manifestPath), manifest.extends);
      const parentFiles = standard ? this.standardAccess : this.access;
      if (parentFiles.kind(join(parentDir, MANIFEST_FILE)) === undefined) {
        this.problems.push({ code: 'unknown-library', message: `'extends' names ${manifest.extends}, which is not a library folder with an ${MANIFEST_FILE}; use ${STANDARD_LIBRARY} or a relative path`, file: manifestFile, path: ['extends'] });
      } else {
        parent = this.load(parentDir, parentFiles);
      }
    }

    const parameters = new Map<string, Parameter>(parent?.parameters);
    if (manifestRead.valid) for (const p of toParameters(raw, manifestFile)) parameters.set(p.name, p);

    const ownFiles = new Set<string>([manifestFile]);
    const entries: LibraryEntry[] = [];
    const brokenIds = new Set<string>(parent?.brokenIds);
    const sources = new Map<string, SourceDef>(parent?.sources);
    const ownSources = new Set<string>();
    for (const path of listDefinitionFiles(join(root, 'sources'), this.access)) {
      const shown = this.display(path);
      ownFiles.add(shown);
      const read = this.readDefinition(path, 'source');
      const id = typeof read.data?.source === 'string' ? read.data.source : undefined;
      if (id) entries.push({ kind: 'source', id, file: shown });
      if (!read.valid || !id) {
        if (id) brokenIds.add(id);
        continue;
      }
      if (ownSources.has(id)) continue; // reported by the duplicate-id rule
      ownSources.add(id);
      if (read.data!.patch === true) {
        const base = parent?.sources.get(id);
        if (!base) {
          this.problems.push({ code: 'patch-without-base', message: `'patch: true' changes an inherited source, but no extended library defines a source '${id}'`, file: shown, path: ['patch'] });
          brokenIds.add(id);
          continue;
        }
        sources.set(id, patchSource(base, read.data!, shown));
      } else {
        sources.set(id, toSource(read.data!, shown));
      }
    }

    const metrics = new Map<string, MetricDef>(parent?.metrics);
    const ownMetrics = new Set<string>();
    for (const path of listDefinitionFiles(join(root, 'metrics'), this.access)) {
      const shown = this.display(path);
      ownFiles.add(shown);
      const read = this.readDefinition(path, 'metric');
      const id = typeof read.data?.metric === 'string' ? read.data.metric : undefined;
      if (id) entries.push({ kind: 'metric', id, file: shown });
      if (!read.valid || !id) {
        if (id) brokenIds.add(id);
        continue;
      }
      if (ownMetrics.has(id)) continue;
      ownMetrics.add(id);
      metrics.set(id, toMetric(read.data!, shown));
    }

    return { root, manifest, parameters, sources, metrics, brokenIds, ownFiles, entries };
  }
}

function checkLibraryFolder(files: FileAccess, root: string, shown: string): void {
  const kind = files.kind(root);
  if (kind === undefined) throw new LibraryError(`${shown}: no such folder${files.where}; give the path of a metric library (a folder with an ${MANIFEST_FILE})`);
  if (kind !== 'directory') throw new LibraryError(`${shown} is a file, not a folder${files.where}; give the folder that holds ${MANIFEST_FILE}`);
  if (files.kind(join(root, MANIFEST_FILE)) === undefined) {
    throw new LibraryError(files.where
      ? `${shown} is not an rmos library${files.where}: it has no ${MANIFEST_FILE} there`
      : `${shown} is not an rmos library: it has no ${MANIFEST_FILE} (run 'rmos init ${shown}' to create one)`);
  }
}

/**
 * Reads a library folder (and what it extends). Problems are collected, not thrown.
 * `files` reads the working tree unless told otherwise (a git revision, for instance);
 * `standardFiles` reads the installed standard library. Everything the loader reads goes
 * through these two, so the same answers from them give the same library (library-cache.ts).
 */
export function loadLibrary(dir: string, cwd = process.cwd(), files: FileAccess = nodeFileAccess, standardFiles: FileAccess = nodeFileAccess): LoadedLibrary {
  const reader = new LibraryReader(cwd, files, standardFiles);
  const library = reader.load(dir);
  return { library, files: reader.files, problems: reader.problems };
}
