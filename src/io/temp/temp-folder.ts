import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Temporary folders rmos made: removed when rmos exits, however it exits. */
const made = new Set<string>();
let cleanupRegistered = false;

/** A new folder in the temporary folder (TMPDIR), removed by removeTempFolder or at exit. Throws when none can be made. */
export function makeTempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  made.add(folder);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once('exit', () => {
      for (const left of [...made]) removeTempFolder(left);
    });
  }
  return folder;
}

export function removeTempFolder(folder: string): void {
  made.delete(folder);
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // best effort: the folder is in the system's temporary folder
  }
}
