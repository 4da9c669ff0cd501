import { equalsIgnoreCase } from './cell-text.js';

export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'na', 'n/a', 'null', '-'];

/**
 * A test for "this trimmed cell means no value". Blank cells are always
 * missing; tokens compare case-insensitively without allocating.
 */
export function makeMissingTest(tokens: readonly string[] = DEFAULT_MISSING_TOKENS): (raw: string, start: number, end: number) => boolean {
  const lower = [...new Set(tokens.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
  const longest = lower.reduce((max, t) => Math.max(max, t.length), 0);
  return (raw, start, end) => {
    const length = end - start;
    if (length === 0) return true;
    if (length > longest) return false;
    for (let i = 0; i < lower.length; i++) {
      if (equalsIgnoreCase(raw, start, end, lower[i]!)) return true;
    }
    return false;
  };
}
