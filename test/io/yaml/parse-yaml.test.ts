import { describe, expect, it } from 'vitest';
import { MAX_DEFINITION_BYTES, parseYaml } from '../../../src/io/yaml/parse-yaml.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (text: string | Uint8Array) => parseYaml('m.yaml', typeof text === 'string' ? utf8(text) : text);
/** Code, line and column of each problem. */
const places = (text: string | Uint8Array) => parse(text).problems.map((p) => [p.code, p.position?.line, p.position?.column]);

function billionLaughs(): string {
  const names = 'abcdefghi'.split('');
  let text = `a: &a [${Array(9).fill('"lol"').join(', ')}]\n`;
  for (let i = 1; i < names.length; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]\n`;
  return text;
}

describe('parseYaml', () => {
  it('reads a plain definition into data, with no problems', () => {
    const result = parse('metric: nps\nmeasures:\n  responses: { aggregate: count }\n');
    expect(result.problems).toEqual([]);
    expect(result.file?.data).toEqual({ metric: 'nps', measures: { responses: { aggregate: 'count' } } });
  });

  it('allows a few aliases (anchors are handy)', () => {
    const result = parse('base: &base { aggregate: count }\nother: *base\n');
    expect(result.problems).toEqual([]);
    expect(result.file?.data).toEqual({ base: { aggregate: 'count' }, other: { aggregate: 'count' } });
  });

  it('malformed YAML: a yaml-syntax problem at its position, and no data', () => {
    const result = parse('metric: nps\nname: [unclosed\nversion: 1.0.0\n');
    expect(result.file).toBeUndefined();
    expect(result.problems).toEqual([
      { code: 'yaml-syntax', message: 'YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]', file: 'm.yaml', path: [], position: { line: 3, column: 1 } },
    ]);
  });

  it('a duplicate key: placed at the second occurrence', () => {
    expect(parse('metric: a\nname: A\nmetric: b\n').problems).toEqual([
      { code: 'yaml-duplicate-key', message: 'this key appears twice in the same mapping; keep one', file: 'm.yaml', path: [], position: { line: 3, column: 1 } },
    ]);
    expect(places('metric: a\nmeasures:\n  n: { aggregate: count }\n  x: 1\n  n: { aggregate: sum }\n')).toEqual([['yaml-duplicate-key', 5, 3]]);
  });

  it('an alias bomb (billion laughs): yaml-alias-limit at the first alias, quickly, without expanding it', () => {
    const started = performance.now();
    const result = parse(billionLaughs());
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.file).toBeUndefined();
    expect(result.problems).toEqual([
      { code: 'yaml-alias-limit', message: 'aliases expand to too many nodes (more than 100); this looks like an alias bomb', file: 'm.yaml', path: [], position: { line: 2, column: 8 } },
    ]);
  });

  it('an unknown tag (!!python/object) is refused at the tag', () => {
    const result = parse('metric: a\nname: !!python/object:os.system ls\n');
    expect(result.file).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'yaml-unknown-tag', position: { line: 2, column: 7 } });
    expect(result.problems[0]!.message).toMatch(/python\/object:os\.system; rmos definitions use plain YAML without custom tags$/);
  });

  it('a __proto__ key is refused at the key, and no data is built', () => {
    const result = parse('metric: a\nmeasures:\n  __proto__:\n    polluted: true\n');
    expect(result.file).toBeUndefined();
    expect(result.problems).toEqual([
      { code: 'yaml-forbidden-key', message: "the key '__proto__' is not allowed in a definition", file: 'm.yaml', path: [], position: { line: 3, column: 3 } },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('constructor and prototype keys are refused too', () => {
    expect(places('constructor: 1\nx:\n  prototype: 2\n')).toEqual([['yaml-forbidden-key', 1, 1], ['yaml-forbidden-key', 3, 3]]);
  });

  it('nesting deeper than 64 levels: yaml-too-deep where the limit is crossed', () => {
    const text = '['.repeat(100) + ']'.repeat(100);
    expect(parse(text).problems).toEqual([
      { code: 'yaml-too-deep', message: 'nesting deeper than 64 levels is not a metric definition', file: 'm.yaml', path: [], position: { line: 1, column: 65 } },
    ]);
  });

  // 10,000 levels would overflow the yaml package's recursive composer: rmos measures the
  // nesting before parsing and reports one yaml-too-deep.
  it('10,000 levels of nesting: one finding, not a crash', () => {
    for (const text of ['['.repeat(10_000) + ']'.repeat(10_000), 'a: ' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000), '- '.repeat(10_000) + 'x\n']) {
      const started = performance.now();
      const result = parse(text);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(result.file).toBeUndefined();
      expect(result.problems.length).toBe(1);
      for (const problem of result.problems) {
        expect(problem.code).toBe('yaml-too-deep');
        expect(problem.position?.line).toBe(1);
      }
    }
  });

  it('a file over 2 MB is refused before decoding or parsing', () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const started = performance.now();
    const result = parse(bytes);
    expect(performance.now() - started).toBeLessThan(100);
    expect(result.problems).toEqual([
      { code: 'file-too-large', message: 'the file is 50.0 MB; a definition file may be at most 2 MB', file: 'm.yaml', path: [], position: { line: 1, column: 1 } },
    ]);
    expect(parse(new Uint8Array(MAX_DEFINITION_BYTES).fill(0x20)).problems.map((p) => p.code)).toEqual(['file-empty']);
  });

  it('an empty or blank file: file-empty', () => {
    expect(places('')).toEqual([['file-empty', 1, 1]]);
    expect(places(' \n\n\t\n')).toEqual([['file-empty', 1, 1]]);
    expect(parse('').problems[0]!.message).toBe('the file is empty; a definition needs at least its id');
  });

  it('latin-1 bytes: file-encoding at the line and column of the bad byte', () => {
    const bytes = new Uint8Array([...utf8('metric: cafe\nname: Caf'), 0xe9, ...utf8(' score\n')]);
    expect(parse(bytes).problems).toEqual([
      { code: 'file-encoding', message: 'the file is not valid UTF-8 text; save it as UTF-8', file: 'm.yaml', path: [], position: { line: 2, column: 10 } },
    ]);
  });

  it('UTF-16 with a byte order mark: file-encoding naming UTF-16', () => {
    const text = 'metric: a\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le[2 + 2 * i] = text.charCodeAt(i);
    expect(parse(le).problems).toEqual([
      { code: 'file-encoding', message: 'the file is UTF-16 encoded; save it as UTF-8', file: 'm.yaml', path: [], position: { line: 1, column: 1 } },
    ]);
    const be = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [0, c.charCodeAt(0)])]);
    expect(places(be)).toEqual([['file-encoding', 1, 1]]);
  });

  it('UTF-16 without a byte order mark: refused for its NUL bytes', () => {
    const bytes = new Uint8Array([...'metric: a\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(parse(bytes).problems.map((p) => [p.code, p.message])).toEqual([['file-encoding', 'the file contains NUL bytes; it is not a YAML text file']]);
  });

  it('a UTF-8 byte order mark is accepted and dropped', () => {
    const result = parse(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('metric: a\n')]));
    expect(result.problems).toEqual([]);
    expect(result.file?.data).toEqual({ metric: 'a' });
  });
});
