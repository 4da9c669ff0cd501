import { describe, expect, it } from 'vitest';
import { bumpOf, bumpSatisfies, nextVersion, strongest } from '../../../src/core/diff/semver.js';

describe('version bumps', () => {
  it.each([
    ['1.0.0', '2.0.0', 'major'],
    ['1.4.2', '1.5.0', 'minor'],
    ['1.4.2', '1.4.3', 'patch'],
    ['1.4.2', '1.4.2', 'none'],
    ['1.4.2', '1.3.9', 'lower'],
    ['1.9.0', '1.10.0', 'minor'],
    ['2.0.0', '1.99.99', 'lower'],
  ])('%s -> %s is %s', (from, to, bump) => {
    expect(bumpOf(from, to)).toBe(bump);
  });

  it('says which bumps are enough', () => {
    expect(bumpSatisfies('minor', 'major')).toBe(false);
    expect(bumpSatisfies('patch', 'minor')).toBe(false);
    expect(bumpSatisfies('major', 'minor')).toBe(true);
    expect(bumpSatisfies('none', 'none')).toBe(true);
    expect(bumpSatisfies('lower', 'none')).toBe(false);
  });

  it('suggests the next version and the strongest need', () => {
    expect(nextVersion('1.4.2', 'major')).toBe('2.0.0');
    expect(nextVersion('1.4.2', 'minor')).toBe('1.5.0');
    expect(nextVersion('1.4.2', 'patch')).toBe('1.4.3');
    expect(strongest(['none', 'minor', 'major'])).toBe('major');
    expect(strongest(['none', 'minor'])).toBe('minor');
    expect(strongest([])).toBe('none');
  });
});
