import { describe, expect, it } from 'vitest';
import { lintLibrary, metric } from './lint-library.js';

describe('the test helper library', () => {
  it('is clean: a manifest, the responses source and one metric give no findings', () => {
    const findings = lintLibrary({ metrics: { 'm.yaml': metric('m') } });
    expect(findings).toEqual([]);
  });
});
