import { runChangeRules } from '../../core/governance/run-change-rules.js';
import type { Problem } from '../../core/problem.js';
import { loadLibrary, type LoadedLibrary } from '../library/load-library.js';
import { openRevision } from './load-library-at.js';

export interface ChangeCheck {
  readonly problems: readonly Problem[];
  /** Said on stderr when there is nothing to compare with (a library new since the base). */
  readonly note?: string;
}

/** `rmos lint --base REF`: the change rules between the library at REF and as loaded now. */
export function checkChanges(dir: string, head: LoadedLibrary, base: string, cwd = process.cwd()): ChangeCheck {
  const revision = openRevision(dir, base, '--base');
  if (!revision.hasLibrary) return { problems: [], note: `${dir} is not a library at ${base}, so there are no changes to check; the change rules were skipped` };
  const before = loadLibrary(dir, cwd, revision.files);
  return { problems: runChangeRules(before.library, head.library, base) };
}
