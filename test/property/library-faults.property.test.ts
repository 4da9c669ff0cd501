import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/core/lint/run-rules.js';
import type { Finding } from '../../src/core/problem.js';
import type { FileAccess } from '../../src/io/library/file-access.js';
import { loadLibrary } from '../../src/io/library/load-library.js';
import { resolveFindings } from '../../src/io/library/resolve-findings.js';

// A valid small library with exactly one fault injected at random: a typo in a name, a
// wrong type, a missing required key, bad YAML indentation, a cycle, an unknown source, a
// duplicate key or a bad version. Loading and linting it never throws, and gives at least
// one error placed in the faulted file at a line and column >= 1.

const ROOT = '/mem/lib';

const BASE: Readonly<Record<string, string>> = {
  'rmos.yaml': 'library: faults\ntimezone: UTC\n',
  'sources/responses.yaml': `source: responses
time_column: submitted_at
key: response_id
columns:
  response_id: { type: string }
  submitted_at: { type: timestamp }
  score: { type: integer }
  region: { type: string }
`,
  'metrics/a.yaml': `metric: a
name: Metric a
version: 1.0.0
status: draft
owner: team
unit: percent
direction: higher
source: responses
measures:
  total:
    aggregate: count
  high:
    aggregate: count
    where: score >= 9
formula: 100 * high / total
changelog:
  - version: 1.0.0
    date: 2025-01-01
    change: First.
`,
  'metrics/b.yaml': `metric: b
name: Metric b
version: 1.0.0
status: draft
owner: team
unit: count
direction: higher
source: responses
measures:
  total:
    aggregate: count
formula: total + a
changelog:
  - version: 1.0.0
    date: 2025-01-01
    change: First.
`,
};

/** The library's files held in memory, read through loadLibrary's FileAccess seam. */
function memoryFiles(files: Readonly<Record<string, string>>): FileAccess {
  const byPath = new Map(Object.entries(files).map(([rel, text]) => [`${ROOT}/${rel}`, Buffer.from(text)]));
  return {
    where: '',
    listFiles: (dir) => [...byPath.keys()].filter((p) => p.startsWith(`${dir}/`)),
    readFile(path) {
      const bytes = byPath.get(path);
      if (!bytes) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return bytes;
    },
    kind: (path) => (byPath.has(path) ? 'file' : [...byPath.keys()].some((p) => p.startsWith(`${path}/`)) ? 'directory' : undefined),
  };
}

function lint(files: Readonly<Record<string, string>>): Finding[] {
  const loaded = loadLibrary(ROOT, ROOT, memoryFiles(files));
  return resolveFindings([...loaded.problems, ...runRules(loaded.library)], loaded.files);
}

interface Fault {
  readonly kind: string;
  readonly file: string;
  readonly apply: (text: string) => string;
}

const METRIC_FILES = ['metrics/a.yaml', 'metrics/b.yaml'];
const lowerName = fc.stringMatching(/^[a-z][a-z_]{1,10}$/);

/** Replaces one line that starts with `prefix` (the first), keeping everything else. */
function replaceLine(text: string, prefix: string, next: (line: string) => string | string[]): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starting '${prefix}'`);
  lines.splice(i, 1, ...[next(lines[i]!)].flat());
  return lines.join('\n');
}

/** One character of `word` changed, dropped or doubled, giving a different word. */
const typo = (word: string) =>
  fc.tuple(fc.nat({ max: word.length - 1 }), fc.constantFrom('change', 'drop', 'double'), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'))
    .map(([i, how, c]) => (how === 'drop' ? word.slice(0, i) + word.slice(i + 1) : how === 'double' ? word.slice(0, i) + word[i] + word.slice(i) : word.slice(0, i) + c + word.slice(i + 1)))
    .filter((w) => w !== word && w.length > 0 && !['a', 'b', 'total', 'high', 'score', 'region', 'responses', 'response_id', 'submitted_at', 'and', 'or', 'not', 'mod', 'true', 'false'].includes(w));

const faults: fc.Arbitrary<Fault> = fc.oneof(
  // a typo in a name something refers to
  fc.oneof(
    typo('high').map((w): Fault => ({ kind: `typo: formula names '${w}'`, file: 'metrics/a.yaml', apply: (t) => replaceLine(t, 'formula:', () => `formula: 100 * ${w} / total`) })),
    typo('score').map((w): Fault => ({ kind: `typo: where names '${w}'`, file: 'metrics/a.yaml', apply: (t) => replaceLine(t, '    where:', () => `    where: ${w} >= 9`) })),
    typo('a').map((w): Fault => ({ kind: `typo: formula names metric '${w}'`, file: 'metrics/b.yaml', apply: (t) => replaceLine(t, 'formula:', () => `formula: total + ${w}`) })),
    typo('score').map((w): Fault => ({ kind: `typo: time_column '${w}'`, file: 'sources/responses.yaml', apply: (t) => replaceLine(t, 'time_column:', () => `time_column: ${w}`) })),
  ),
  // a wrong type
  fc.tuple(fc.constantFrom(...METRIC_FILES), fc.constantFrom<[string, string]>(
    ['version:', 'version: [1, 0, 0]'], ['status:', 'status: 3'], ['unit:', 'unit: { a: 1 }'], ['direction:', 'direction: true'],
    ['    aggregate:', '    aggregate: 5'], ['formula:', 'formula: [total]'], ['name:', 'name: { x: 1 }'], ['source:', 'source: 12'],
  )).map(([file, [prefix, line]]): Fault => ({ kind: `wrong type: ${line}`, file, apply: (t) => replaceLine(t, prefix, () => line) })),
  fc.constant<Fault>({ kind: 'wrong type: text ordered against a number', file: 'metrics/a.yaml', apply: (t) => replaceLine(t, '    where:', () => '    where: region >= 9') }),
  // a missing required key
  fc.tuple(fc.constantFrom(...METRIC_FILES), fc.constantFrom('metric:', 'name:', 'version:', 'status:', 'unit:', 'direction:', 'formula:'))
    .map(([file, prefix]): Fault => ({ kind: `missing key ${prefix}`, file, apply: (t) => replaceLine(t, prefix, () => []) })),
  fc.constantFrom('source:', 'columns:').map((prefix): Fault => ({ kind: `missing source key ${prefix}`, file: 'sources/responses.yaml', apply: (t) => replaceLine(t, prefix, () => []) })),
  // bad YAML indentation: a top-level key pushed in, or a sibling pulled out of line
  fc.tuple(fc.constantFrom(...METRIC_FILES), fc.constantFrom('name:', 'version:', 'status:', 'owner:', 'unit:', 'direction:', 'source:', 'formula:', 'changelog:', 'measures:'), fc.integer({ min: 1, max: 3 }))
    .map(([file, prefix, spaces]): Fault => ({ kind: `indentation: ${spaces} space(s) before ${prefix}`, file, apply: (t) => replaceLine(t, prefix, (l) => ' '.repeat(spaces) + l) })),
  fc.constantFrom('    where:', '  high:').map((prefix): Fault => ({ kind: `indentation: ${prefix.trim()} one space out`, file: 'metrics/a.yaml', apply: (t) => replaceLine(t, prefix, (l) => l.slice(1)) })),
  // a cycle: a uses itself, or a uses b, which uses a
  fc.constantFrom<Fault>(
    { kind: 'cycle: a uses a', file: 'metrics/a.yaml', apply: (t) => replaceLine(t, 'formula:', () => 'formula: 100 * high / total + a') },
    { kind: 'cycle: a uses b uses a', file: 'metrics/a.yaml', apply: (t) => replaceLine(t, 'formula:', () => 'formula: 100 * high / total + 0 * b') },
  ),
  // an unknown source
  fc.tuple(fc.constantFrom(...METRIC_FILES), lowerName.filter((n) => n !== 'responses'))
    .map(([file, name]): Fault => ({ kind: `unknown source ${name}`, file, apply: (t) => replaceLine(t, 'source:', () => `source: ${name}`) })),
  // a duplicate key
  fc.tuple(fc.constantFrom(...METRIC_FILES), fc.constantFrom('name:', 'version:', 'status:', 'owner:', 'unit:', 'formula:', '    aggregate:'))
    .map(([file, prefix]): Fault => ({ kind: `duplicate ${prefix.trim()}`, file, apply: (t) => replaceLine(t, prefix, (l) => [l, l]) })),
  // a bad version
  fc.tuple(fc.constantFrom(...METRIC_FILES), fc.constantFrom('1.0', '1', 'v1.0.0', '1.0.0.0', '1.0.x', 'latest', '"1.0.0 "', '-1.0.0', '1..0', "''"))
    .map(([file, version]): Fault => ({ kind: `bad version ${version}`, file, apply: (t) => replaceLine(t, 'version:', () => `version: ${version}`) })),
);

describe('libraries with one injected fault', () => {
  it('the base library is clean, so every finding below comes from the fault', () => {
    expect(lint(BASE)).toEqual([]);
  });

  it('always give at least one error in the faulted file, at a line and column >= 1, and never throw', () => {
    fc.assert(
      fc.property(faults, (fault) => {
        const files = { ...BASE, [fault.file]: fault.apply(BASE[fault.file]!) };
        let findings: Finding[];
        try {
          findings = lint(files);
        } catch (error) {
          throw new Error(`${fault.kind}: ${(error as Error).stack}`);
        }
        const shown = findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`).join('\n');
        const errors = findings.filter((f) => f.severity === 'error');
        expect(errors.length, `${fault.kind}\n${files[fault.file]}\n${shown}`).toBeGreaterThan(0);
        for (const f of findings) {
          expect(f.line, `${fault.kind}: ${shown}`).toBeGreaterThanOrEqual(1);
          expect(f.column, `${fault.kind}: ${shown}`).toBeGreaterThanOrEqual(1);
        }
        expect(errors.some((f) => f.file === fault.file), `${fault.kind}: no error in ${fault.file}\n${shown}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
