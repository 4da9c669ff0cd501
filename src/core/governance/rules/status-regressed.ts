import { changedMetrics, type ChangeRule } from '../change-rule.js';

const ORDER = { draft: 0, approved: 1, deprecated: 2 } as const;

export const statusRegressed: ChangeRule = {
  code: 'status-regressed',
  severity: 'error',
  description: "A metric's status moved backwards; it may only move draft -> approved -> deprecated.",
  check(context) {
    return changedMetrics(context)
      .filter((d) => ORDER[d.after.status] < ORDER[d.before.status])
      .map((d) => ({
        code: 'status-regressed',
        file: d.after.file,
        path: ['status'],
        message: `the status of '${d.id}' went back from ${d.before.status} to ${d.after.status}; status only moves draft -> approved -> deprecated (define a new metric to start over)`,
      }));
  },
};
