import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

const YAML = /\.ya?ml$/i;

/** YAML files under `dir`, recursively, sorted so that results never depend on directory order. */
export function listDefinitionFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory() && depth < 8 && !entry.name.startsWith('.')) walk(path, depth + 1);
      else if (entry.isFile() && YAML.test(entry.name)) found.push(path);
    }
  };
  walk(dir, 0);
  return found.sort();
}
