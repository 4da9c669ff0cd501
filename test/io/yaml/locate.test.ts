import { describe, expect, it } from 'vitest';
import { expectFindings, lintLibrary, metric } from '../../core/lint/lint-library.js';
import { parseYaml } from '../../../src/io/yaml/parse-yaml.js';
import { locate } from '../../../src/io/yaml/locate.js';

const file = (text: string) => parseYaml('m.yaml', new TextEncoder().encode(text)).file!;

describe('locate', () => {
  const doc = file('metric: m\nmeasures:\n  total:\n    aggregate: count\n    where: score > 1\ndimensions: [region, channel]\n');

  it('finds a value, a key, and an item of a list', () => {
    expect(locate(doc, ['measures', 'total', 'aggregate'])).toEqual({ line: 4, column: 16, endLine: 4, endColumn: 21 });
    expect(locate(doc, ['measures', 'total'], 'key')).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 8 });
    expect(locate(doc, ['dimensions', 1])).toEqual({ line: 6, column: 22, endLine: 6, endColumn: 29 });
  });

  it('points inside a plain scalar at an offset', () => {
    expect(locate(doc, ['measures', 'total', 'where'], 'value', 8, 1)).toEqual({ line: 5, column: 20, endLine: 5, endColumn: 21 });
  });

  it('falls back to the deepest existing key when the path goes further than the document', () => {
    expect(locate(doc, ['measures', 'total', 'column'])).toMatchObject({ line: 3, column: 3 });
  });
});

describe('positions inside expressions written in other YAML styles', () => {
  // Written with `>-`: a plain `>` or `|` keeps a trailing newline, which mathjs reads as a
  // second statement, so such formulas are refused today (reported as a bug).
  it('a folded formula: the unknown name on the second line of the scalar', () => {
    const text = metric('m', '>-\n  100 * total\n  / totl');
    expectFindings(lintLibrary({ metrics: { 'm.yaml': text } }), 'unknown-identifier', [{ line: 14, column: 5, message: "unknown name 'totl' in formula (did you mean 'total'?)" }]);
  });

  it('a double-quoted condition with escaped quotes before the error', () => {
    const text = metric('m').replace('    aggregate: count\n', '    aggregate: count\n    where: "region == \\"EMEA\\" and scor > 1"\n');
    expectFindings(lintLibrary({ metrics: { 'm.yaml': text } }), 'unknown-identifier', [{ line: 12, column: 36, message: /^unknown name 'scor'/ }]);
  });

  it('a single-quoted condition', () => {
    const text = metric('m').replace('    aggregate: count\n', "    aggregate: count\n    where: 'region == \"EMEA\" and scor > 1'\n");
    expectFindings(lintLibrary({ metrics: { 'm.yaml': text } }), 'unknown-identifier', [{ line: 12, column: 34, message: /^unknown name 'scor'/ }]);
  });
});
