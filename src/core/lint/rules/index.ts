import type { Rule } from '../rule.js';
import { cyclicDependency } from './cyclic-dependency.js';
import { deprecatedDependency } from './deprecated-dependency.js';
import { dimensionNotAvailable } from './dimension-not-available.js';
import { disallowedFunction } from './disallowed-function.js';
import { disallowedSyntax } from './disallowed-syntax.js';
import { duplicateId } from './duplicate-id.js';
import { expressionSyntax } from './expression-syntax.js';
import { idFileMismatch } from './id-file-mismatch.js';
import { invalidMeasure } from './invalid-measure.js';
import { invalidTimezone } from './invalid-timezone.js';
import { missingApprovers } from './missing-approvers.js';
import { missingChangelogEntry } from './missing-changelog-entry.js';
import { missingOwner } from './missing-owner.js';
import { timeColumn } from './time-column.js';
import { typeMismatch } from './type-mismatch.js';
import { unknownColumn } from './unknown-column.js';
import { unknownIdentifier } from './unknown-identifier.js';
import { unknownMeasure } from './unknown-measure.js';
import { unknownSource } from './unknown-source.js';
import { unusedMeasure } from './unused-measure.js';

/** Every semantic rule, in the order their findings are most useful to read. */
export const RULES: readonly Rule[] = [
  duplicateId,
  idFileMismatch,
  invalidTimezone,
  unknownSource,
  unknownColumn,
  unknownMeasure,
  invalidMeasure,
  timeColumn,
  expressionSyntax,
  disallowedSyntax,
  disallowedFunction,
  unknownIdentifier,
  typeMismatch,
  cyclicDependency,
  dimensionNotAvailable,
  missingOwner,
  missingApprovers,
  missingChangelogEntry,
  deprecatedDependency,
  unusedMeasure,
];
