import { describeBumpReasons } from '../../diff/describe-change.js';
import { nextVersion } from '../../diff/semver.js';
import { changedMetrics, type ChangeRule } from '../change-rule.js';

export const wrongBumpKind: ChangeRule = {
  code: 'wrong-bump-kind',
  severity: 'error',
  description: 'A metric was given a smaller version bump than its change needs: major for unit, direction, source or a removed dimension; at least minor for other math.',
  check(context) {
    const problems = [];
    for (const d of changedMetrics(context)) {
      if (d.bump === 'lower' && d.required === 'none') {
        problems.push({ code: 'wrong-bump-kind', file: d.after.file, path: ['version'], message: `the version of '${d.id}' went down (${d.before.version} → ${d.after.version}); versions only go up` });
        continue;
      }
      if (d.bumpOk !== false || d.bump === 'none' || d.bump === 'lower') continue;
      const wanted = d.required === 'major' ? 'major' : 'minor';
      problems.push({
        code: 'wrong-bump-kind',
        file: d.after.file,
        path: ['version'],
        message: `'${d.id}' changed (${describeBumpReasons(d.changes, wanted)}), which needs a ${wanted} version: ${nextVersion(d.before.version, wanted)}, not ${d.after.version} (a ${d.bump} bump from ${d.before.version})`,
      });
    }
    return problems;
  },
};
