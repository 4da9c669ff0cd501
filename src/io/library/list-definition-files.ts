import { nodeFileAccess, type FileAccess } from './file-access.js';

const YAML = /\.ya?ml$/i;

/** YAML files under `dir`, recursively, sorted so that results never depend on directory order. */
export function listDefinitionFiles(dir: string, files: FileAccess = nodeFileAccess): string[] {
  return files.listFiles(dir).filter((path) => YAML.test(path)).sort();
}
