import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseId } from '../../../src/core/compute/key-cell.js';

/** The rules of denseId, from the text: digits only, or a short ASCII prefix not ending in a digit, then digits. */
function referenceId(key: string): number {
  const only = /^(0|[1-9][0-9]{0,14})$/.exec(key);
  if (only) return Number(key);
  const prefixed = /^([\x00-\x7f]{0,2}[^0-9\x80-\uffff])(0|[1-9][0-9]{0,7})$/.exec(key);
  if (!prefixed) return -1;
  const prefix = prefixed[1]!;
  let code = prefix.length;
  for (const c of prefix) code = code * 128 + c.charCodeAt(0);
  return 2 ** 50 + code * 2 ** 27 + Number(prefixed[2]);
}

describe('denseId', () => {
  it('gives the id the rules give, or -1, for random keys', () => {
    const unit = fc.constantFrom('0', '1', '7', '9', 'R', '-', '_', ' ', 'é', 'x');
    const key = fc.oneof(
      fc.string({ unit, maxLength: 20 }),
      fc.nat().map((n) => `R-${n}`),
      fc.bigInt({ min: 0n, max: 10n ** 17n }).map(String),
    );
    fc.assert(
      fc.property(key, (text) => {
        const bytes = Buffer.from(`ab${text}cd`);
        expect([text, denseId(bytes, 2, bytes.length - 2)]).toEqual([text, referenceId(text)]);
      }),
      { numRuns: 20000 },
    );
  });
});
