import { diffLibraries } from '../diff/diff-libraries.js';
import type { Library } from '../library/types.js';
import type { Problem } from '../problem.js';
import type { ChangeContext } from './change-rule.js';
import { CHANGE_RULES } from './rules/index.js';

/** Compares the library's own metrics at the base and now, and runs every change rule. */
export function runChangeRules(base: Library, head: Library, baseLabel: string): Problem[] {
  const diffs = diffLibraries(base, head).filter((d) => (d.after ? head.ownFiles.has(d.after.file) : base.ownFiles.has(d.before!.file)));
  const context: ChangeContext = { base, head, diffs, baseLabel };
  return CHANGE_RULES.flatMap((rule) => rule.check(context).map((p) => (p.severity ? p : { ...p, severity: rule.severity })));
}
