import { equalsIgnoreCase } from './cell-text.js';

const TRUE_TOKENS = ['true', 'yes', 'y', 't', '1'];
const FALSE_TOKENS = ['false', 'no', 'n', 'f', '0'];

function matchesAny(raw: string, start: number, end: number, tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (equalsIgnoreCase(raw, start, end, tokens[i]!)) return true;
  }
  return false;
}

/** true / false, or null when raw[start, end) is none of true/false, yes/no, y/n, t/f, 1/0 (any case). */
export function scanBoolean(raw: string, start: number, end: number): boolean | null {
  if (end - start > 5) return null;
  if (matchesAny(raw, start, end, TRUE_TOKENS)) return true;
  if (matchesAny(raw, start, end, FALSE_TOKENS)) return false;
  return null;
}

export const BOOLEAN_FORMS = 'true/false, yes/no, y/n, t/f or 1/0';
