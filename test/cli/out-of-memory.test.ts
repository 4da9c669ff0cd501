import { describe, expect, it } from 'vitest';
import { isOutOfMemory } from '../../src/cli/main.js';

// A run that cannot get memory ends with a sentence about memory, not "internal error". Only
// failed typed-array and buffer allocations reach JavaScript; V8's own heap limit and failures
// inside native code end the process before rmos can say anything.
describe('isOutOfMemory', () => {
  it('recognizes the errors of a failed buffer or typed-array allocation', () => {
    expect(isOutOfMemory(new RangeError('Array buffer allocation failed'))).toBe(true);
    expect(isOutOfMemory(new RangeError('Invalid typed array length: 4294967296'))).toBe(true);
    expect(isOutOfMemory(new RangeError('Invalid array buffer length'))).toBe(true);
    expect(isOutOfMemory(new RangeError('Invalid array length'))).toBe(true);
  });

  it('leaves other errors to be reported as what they are', () => {
    expect(isOutOfMemory(new RangeError('Maximum call stack size exceeded'))).toBe(false);
    expect(isOutOfMemory(new RangeError('toFixed() digits argument must be between 0 and 100'))).toBe(false);
    expect(isOutOfMemory(new Error('Array buffer allocation failed'))).toBe(false);
    expect(isOutOfMemory('Array buffer allocation failed')).toBe(false);
  });
});
