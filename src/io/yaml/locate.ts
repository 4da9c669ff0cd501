import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { DocPath } from '../../core/problem.js';
import type { YamlFile } from './parse-yaml.js';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function span(file: YamlFile, start: number, end: number): Span {
  const a = file.lineCounter.linePos(start);
  const b = file.lineCounter.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/**
 * Finds the node at `path` (or the deepest existing ancestor) and returns the span of
 * its key or value. With `offset`, points inside a string value at that character.
 */
export function locate(file: YamlFile, path: DocPath, at: 'key' | 'value' = 'value', offset?: number, length = 1): Span {
  let node: unknown = file.doc.contents;
  let keyNode: Node | undefined;
  let reached = true;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (!pair) {
        reached = false;
        break;
      }
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      reached = false;
      break;
    }
  }
  const target = (reached && at === 'value') || !keyNode ? (node as Node | null) ?? keyNode : keyNode;
  const range = target?.range ?? keyNode?.range ?? [0, 0, 0];
  if (offset !== undefined && reached && isScalar(node) && typeof node.value === 'string') {
    const inner = offsetInSource(file.text, range[0], range[1], node.value, offset);
    if (inner !== undefined) return span(file, inner, inner + length);
  }
  return span(file, range[0], range[1]);
}

/**
 * Maps an offset in a scalar's value to an offset in the file. Plain and single-line
 * quoted scalars map directly; folded or escaped scalars are searched for the text.
 */
function offsetInSource(text: string, start: number, end: number, value: string, offset: number): number | undefined {
  const raw = text.slice(start, end);
  const quoted = raw.startsWith('"') || raw.startsWith("'");
  const body = quoted ? raw.slice(1) : raw;
  if (body.startsWith(value)) return start + (quoted ? 1 : 0) + offset;
  const probe = value.slice(offset, offset + Math.max(1, Math.min(12, value.length - offset)));
  const prefix = value.slice(0, offset).split(/\s+/).filter(Boolean).length;
  // Find the occurrence of the probe after roughly as many words as precede it.
  let from = 0;
  let best: number | undefined;
  for (;;) {
    const i = raw.indexOf(probe, from);
    if (i < 0) break;
    best = i;
    const wordsBefore = raw.slice(0, i).split(/\s+/).filter(Boolean).length;
    if (wordsBefore >= prefix) break;
    from = i + 1;
  }
  return best === undefined ? undefined : start + best;
}
