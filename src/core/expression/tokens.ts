import type { Span } from './ast.js';

export interface Token {
  readonly kind: 'name' | 'number' | 'string';
  readonly text: string;
  readonly span: Span;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'xor', 'mod', 'to', 'in', 'true', 'false', 'null', 'undefined']);

/**
 * Finds names, numbers and strings in an expression's text with their offsets.
 * mathjs keeps no positions on its nodes, so rmos matches nodes to these tokens
 * in order of appearance to point messages at the exact place.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'string', text: text.slice(i + 1, j), span: { start: i, end: Math.min(j + 1, text.length) } });
      i = j + 1;
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_$]/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      if (!KEYWORDS.has(word)) tokens.push({ kind: 'name', text: word, span: { start: i, end: j } });
      i = j;
    } else if (/[0-9.]/.test(c) && (c !== '.' || /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', text: match[0], span: { start: i, end: i + match[0].length } });
      i += match[0].length;
    } else {
      i++;
    }
  }
  return tokens;
}
