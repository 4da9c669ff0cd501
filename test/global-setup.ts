import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every rmos the tests start keeps its cache of checked libraries in one folder of this run,
 * not in the user's ~/.cache, and the folder goes when the run ends.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'rmos-test-cache-'));
  process.env.RMOS_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
