import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../../core/problem.js';

/** Definitions are small; anything larger is refused before parsing. */
export const MAX_DEFINITION_BYTES = 2 * 1024 * 1024;
/** Aliases are allowed (anchors are handy) but not the expansion an alias bomb needs. */
const MAX_ALIAS_COUNT = 100;
const MAX_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface YamlFile {
  readonly path: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain data, or undefined when the file could not be read as YAML. */
  readonly data: unknown;
}

export interface ParsedYaml {
  readonly file?: YamlFile;
  readonly problems: Problem[];
}

function at(path: string, code: string, message: string, line = 1, column = 1): Problem {
  return { code, message, file: path, path: [], position: { line, column } };
}

/** Decodes bytes as UTF-8, refusing other encodings with the position of the first bad byte. */
function decodeUtf8(path: string, bytes: Uint8Array): { text?: string; problem?: Problem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: at(path, 'file-encoding', 'the file is UTF-16 encoded; save it as UTF-8') };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    let line = 1;
    let column = 1;
    const good = new TextDecoder('utf-8').decode(bytes);
    const bad = good.indexOf('\uFFFD');
    for (let i = 0; i < bad; i++) {
      if (good.charCodeAt(i) === 10) {
        line++;
        column = 1;
      } else column++;
    }
    return { problem: at(path, 'file-encoding', 'the file is not valid UTF-8 text; save it as UTF-8', line, column) };
  }
}

/** Walks the node tree for keys that could reach an object's prototype and for runaway nesting. */
function checkNodes(path: string, doc: Document.Parsed, lineCounter: LineCounter): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) {
      const range = (node as Node).range;
      const pos = lineCounter.linePos(range?.[0] ?? 0);
      problems.push(at(path, 'yaml-too-deep', `nesting deeper than ${MAX_DEPTH} levels is not a metric definition`, pos.line, pos.col));
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && typeof pair.key.value === 'string' && FORBIDDEN_KEYS.has(pair.key.value)) {
          const pos = lineCounter.linePos(pair.key.range?.[0] ?? 0);
          problems.push(at(path, 'yaml-forbidden-key', `the key '${pair.key.value}' is not allowed in a definition`, pos.line, pos.col));
        }
        visit(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
    } else if (isPair(node)) {
      visit(node.value, depth + 1);
    }
  };
  visit(doc.contents, 0);
  return problems;
}

/** Parses one definition file, turning every YAML failure into a positioned problem. */
export function parseYaml(path: string, bytes: Uint8Array): ParsedYaml {
  if (bytes.byteLength > MAX_DEFINITION_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return { problems: [at(path, 'file-too-large', `the file is ${mb} MB; a definition file may be at most ${MAX_DEFINITION_BYTES / 1024 / 1024} MB`)] };
  }
  const decoded = decodeUtf8(path, bytes);
  if (decoded.problem) return { problems: [decoded.problem] };
  const text = decoded.text!;
  if (text.includes('\u0000')) {
    return { problems: [at(path, 'file-encoding', 'the file contains NUL bytes; it is not a YAML text file')] };
  }
  if (text.trim() === '') {
    return { problems: [at(path, 'file-empty', 'the file is empty; a definition needs at least its id')] };
  }

  const deep = tooDeep(text);
  if (deep) return { problems: [at(path, 'yaml-too-deep', `nesting deeper than ${MAX_DEPTH} levels is not a metric definition`, deep.line, deep.column)] };

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, stringKeys: false });
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    const code = error.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
    problems.push(at(path, code, yamlMessage(error.code, error.message), pos.line, pos.col));
  }
  for (const warning of doc.warnings) {
    const pos = lineCounter.linePos(warning.pos[0]);
    const code = warning.code === 'TAG_RESOLVE_FAILED' ? 'yaml-unknown-tag' : 'yaml-syntax';
    problems.push(at(path, code, yamlMessage(warning.code, warning.message), pos.line, pos.col));
  }
  if (problems.length > 0) return { problems };

  problems.push(...checkNodes(path, doc, lineCounter));
  if (problems.length > 0) return { problems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const firstAlias = findFirstAlias(doc);
    const pos = lineCounter.linePos(firstAlias ?? 0);
    const message = error instanceof ReferenceError && /alias/i.test(error.message)
      ? `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}); this looks like an alias bomb`
      : `the document cannot be read: ${(error as Error).message}`;
    return { problems: [at(path, 'yaml-alias-limit', message, pos.line, pos.col)] };
  }
  return { file: { path, text, doc, lineCounter, data }, problems };
}

function findFirstAlias(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined) return;
    if (isAlias(node)) found = node.range?.[0];
    else if (isMap(node)) node.items.forEach((pair) => visit(pair.value));
    else if (isSeq(node)) node.items.forEach(visit);
  };
  visit(doc.contents);
  return found;
}

/** The yaml package's messages carry their own position suffix and code; keep the sentence. */
function yamlMessage(code: string, message: string): string {
  const sentence = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same mapping; keep one';
    case 'TAG_RESOLVE_FAILED':
      return `${sentence}; rmos definitions use plain YAML without custom tags`;
    default:
      return `YAML syntax: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
  }
}

/**
 * Finds nesting beyond MAX_DEPTH before the parser does: the yaml package recurses
 * per level and would run out of stack on a hostile file first.
 */
function tooDeep(text: string): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let column = 0;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    column++;
    if (c === '\n') {
      line++;
      column = 0;
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '-') {
        indent++;
        if (indent > MAX_DEPTH * 4) return { line, column };
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return { line, column };
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}
