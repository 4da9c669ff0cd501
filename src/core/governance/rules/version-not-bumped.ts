import { describeBumpReasons } from '../../diff/describe-change.js';
import { nextVersion } from '../../diff/semver.js';
import { changedMetrics, type ChangeRule } from '../change-rule.js';

export const versionNotBumped: ChangeRule = {
  code: 'version-not-bumped',
  severity: 'error',
  description: "A metric's math (or unit, direction, source, dimensions) changed since the base revision, but its version was not raised.",
  check(context) {
    return changedMetrics(context)
      .filter((d) => d.required !== 'none' && (d.bump === 'none' || d.bump === 'lower'))
      .map((d) => ({
        code: 'version-not-bumped',
        file: d.after.file,
        path: ['version'],
        message: `'${d.id}' changed since ${context.baseLabel} (${describeBumpReasons(d.changes)}), but its version is ${d.bump === 'lower' ? `lower (${d.before.version} → ${d.after.version})` : `still ${d.after.version}`}; raise it to ${nextVersion(d.before.version, d.required === 'major' ? 'major' : 'minor')} and add a changelog entry`,
      }));
  },
};
