import { changedMetrics, type ChangeRule } from '../change-rule.js';

export const changelogNotUpdated: ChangeRule = {
  code: 'changelog-not-updated',
  severity: 'error',
  description: 'A metric changed in a way that needs a new version, but no changelog entry was added since the base revision.',
  check(context) {
    return changedMetrics(context)
      // Without an entry for the current version at all, missing-changelog-entry already says so.
      .filter((d) => d.required !== 'none' && !d.changes.some((c) => c.aspect === 'changelog' && c.kind === 'added') && d.after.changelog.some((e) => e.version === d.after.version))
      .map((d) => ({
        code: 'changelog-not-updated',
        file: d.after.file,
        path: ['changelog'],
        at: 'key' as const,
        message: `'${d.id}' changed since ${context.baseLabel}, but its changelog has no new entry; add one for the new version saying what changed and why`,
      }));
  },
};
