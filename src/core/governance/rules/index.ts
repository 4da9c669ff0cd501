import type { ChangeRule } from '../change-rule.js';
import { approversMissingForChange } from './approvers-missing-for-change.js';
import { changelogNotUpdated } from './changelog-not-updated.js';
import { metricRemovedWithoutDeprecation } from './metric-removed-without-deprecation.js';
import { statusRegressed } from './status-regressed.js';
import { versionBumpedWithoutChange } from './version-bumped-without-change.js';
import { versionNotBumped } from './version-not-bumped.js';
import { wrongBumpKind } from './wrong-bump-kind.js';

/** Every change rule (`rmos lint --base REF`), in the order their findings are most useful to read. */
export const CHANGE_RULES: readonly ChangeRule[] = [
  metricRemovedWithoutDeprecation,
  statusRegressed,
  versionNotBumped,
  wrongBumpKind,
  changelogNotUpdated,
  approversMissingForChange,
  versionBumpedWithoutChange,
];
