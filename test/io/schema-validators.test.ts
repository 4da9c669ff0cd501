import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script without type declarations
import { OUTPUT, generateValidators } from '../../scripts/generate-validators.mjs';

describe('compiled schema validators', () => {
  it('are current with schemas/*.schema.json (npm run build regenerates them)', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(generateValidators());
  });
});
