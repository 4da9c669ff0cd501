import { normalCdf } from './normal-distribution.js';
import { studentTCdf } from './student-t.js';

// Both tails computed from the lower one, which is precise even when tiny (1 − cdf would round to 0).
export function twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

export function twoSidedStudentP(t: number, df: number): number {
  return Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
}
