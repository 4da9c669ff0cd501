import { changedMetrics, type ChangeRule } from '../change-rule.js';

export const versionBumpedWithoutChange: ChangeRule = {
  code: 'version-bumped-without-change',
  severity: 'warning',
  description: "A metric's version was raised, but nothing in its definition changed besides the version and changelog.",
  check(context) {
    return changedMetrics(context)
      .filter((d) => (d.bump === 'major' || d.bump === 'minor' || d.bump === 'patch') && d.changes.every((c) => c.aspect === 'changelog'))
      .map((d) => ({
        code: 'version-bumped-without-change',
        file: d.after.file,
        path: ['version'],
        message: `the version of '${d.id}' went from ${d.before.version} to ${d.after.version}, but nothing else in its definition changed since ${context.baseLabel}; keep ${d.before.version}`,
      }));
  },
};
