import { changedMetrics, type ChangeRule } from '../change-rule.js';

export const approversMissingForChange: ChangeRule = {
  code: 'approvers-missing-for-change',
  severity: 'error',
  description: 'An approved metric whose math changed does not list who approved the change (or lists a blank name).',
  check(context) {
    return changedMetrics(context)
      .filter((d) => d.after.status === 'approved' && d.required !== 'none')
      .filter((d) => d.after.approvers.length === 0 || d.after.approvers.some((a) => a.trim() === ''))
      .map((d) => ({
        code: 'approvers-missing-for-change',
        file: d.after.file,
        path: d.after.approvers.length > 0 ? ['approvers'] : ['status'],
        message: d.after.approvers.length === 0
          ? `the math of approved metric '${d.id}' changed since ${context.baseLabel}, but it lists no approvers; add the people or teams who approved this version under 'approvers:'`
          : `the math of approved metric '${d.id}' changed since ${context.baseLabel}, but an approver's name is blank; name who approved this version`,
      }));
  },
};
