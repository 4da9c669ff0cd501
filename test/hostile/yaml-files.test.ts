import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, copyToTemp, EXAMPLE_DATA, expectInputError, HOSTILE, removeTemps, timedCli } from './hostile-cli.js';

afterAll(removeTemps);

// Hostile definition files: an alias bomb, 10,000 levels of nesting (flow and block),
// invalid UTF-8 and UTF-16, dropped into each folder a library reads (metrics/, sources/,
// targets/, notes/, tests/) and run through every command that reads that folder.

const YAML = join(HOSTILE, 'yaml');
const DEEP_FLOW = `x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
const DEEP_BLOCK = `x:\n${'- '.repeat(10_000)}1\n`;

/** Each hostile file, and where and how rmos must place it: file name, line, column, code, message. */
const CASES: readonly [name: string, content: () => Uint8Array | string, line: number, column: number, code: string, message: RegExp][] = [
  ['a-alias-bomb.yaml', () => readFileSync(join(YAML, 'alias-bomb.yaml')), 3, 8, 'yaml-alias-limit', /^aliases expand to too many nodes \(more than 100\); this looks like an alias bomb$/],
  ['b-deep-flow.yaml', () => DEEP_FLOW, 1, 68, 'yaml-too-deep', /^nesting deeper than 64 levels is not a metric definition$/],
  ['c-deep-block.yaml', () => DEEP_BLOCK, 2, 257, 'yaml-too-deep', /^nesting deeper than 64 levels/],
  ['d-latin1.yaml', () => readFileSync(join(YAML, 'latin1.yaml')), 1, 12, 'file-encoding', /^the file is not valid UTF-8 text; save it as UTF-8$/],
  ['e-utf16.yaml', () => readFileSync(join(YAML, 'utf16.yaml')), 1, 1, 'file-encoding', /^the file is UTF-16 encoded; save it as UTF-8$/],
];

interface LintFinding {
  code: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

function lintFindings(lib: string): LintFinding[] {
  const result = timedCli(['lint', lib, '--format', 'json']);
  expect(result.code, result.stderr).toBe(1);
  expect(result.ms).toBeLessThan(10_000);
  return (JSON.parse(result.stdout) as { findings: LintFinding[] }).findings;
}

function expectPlaced(findings: readonly LintFinding[], folder: string): void {
  for (const [name, , line, column, code, message] of CASES) {
    const found = findings.filter((f) => f.file.endsWith(`${folder}/${name}`));
    expect(found.map((f) => [f.line, f.column, f.code]), `${folder}/${name}`).toEqual([[line, column, code]]);
    expect(found[0]!.message).toMatch(message);
  }
}

function dropInto(lib: string, folder: string): void {
  mkdirSync(join(lib, folder), { recursive: true });
  for (const [name, content] of CASES) writeFileSync(join(lib, folder, name), content());
}

/** `<file>:<line>:<column>` of the first case, as compute/variance/catalog print it. */
function firstAt(folder: string): RegExp {
  return new RegExp(`${folder}/a-alias-bomb\\.yaml:3:8:? aliases expand to too many nodes`);
}

describe('hostile YAML in metrics/', () => {
  let lib: string;
  beforeAll(() => {
    lib = copyToTemp(ACME);
    dropInto(lib, 'metrics');
  });

  it('lint: one finding per file, at the line and column of the problem', () => {
    expectPlaced(lintFindings(lib), 'metrics');
  });

  it.each([
    ['compute', ['compute', '--data', EXAMPLE_DATA, '--period', '2025-Q3']],
    ['variance', ['variance', '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--against', 'target']],
    ['compile', ['compile', '--dialect', 'postgres', '--period', '2025-Q3']],
    ['catalog', ['catalog']],
    ['test', ['test']],
  ])('%s: exit 2 naming the first bad file, line and column, in bounded time', (_name, [command, ...rest]) => {
    const result = timedCli([command!, lib, ...rest]);
    expectInputError(result, /^rmos: the library has 5 errors \(first: /);
    expect(result.stderr).toMatch(firstAt('metrics'));
    expect(result.ms).toBeLessThan(10_000);
  });
});

describe('hostile YAML in sources/', () => {
  it('lint places each file; compute refuses the library', () => {
    const lib = copyToTemp(ACME);
    dropInto(lib, 'sources');
    expectPlaced(lintFindings(lib), 'sources');
    expectInputError(timedCli(['compute', lib, '--data', EXAMPLE_DATA, '--period', '2025-Q3']), firstAt('sources'));
  });
});

describe('hostile YAML in targets/ and notes/', () => {
  it.each(['targets', 'notes'])('%s/: lint places each file; variance and compute exit 2 with the file, line and column', (folder) => {
    const lib = copyToTemp(ACME);
    dropInto(lib, folder);
    expectPlaced(lintFindings(lib), folder);
    const variance = timedCli(['variance', lib, '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--against', 'target']);
    expectInputError(variance, firstAt(folder));
    expect(variance.ms).toBeLessThan(10_000);
    if (folder === 'targets') expectInputError(timedCli(['compute', lib, '--data', EXAMPLE_DATA, '--period', '2025-Q3']), firstAt(folder));
  });
});

describe('hostile YAML in tests/', () => {
  it('rmos test lists each fixture file it cannot read, with line and column, runs the rest, and exits 2', () => {
    const lib = copyToTemp(ACME);
    mkdirSync(join(lib, 'tests'));
    copyFileSync(join(ROOT_TESTS, 'nps.yaml'), join(lib, 'tests', 'nps.yaml'));
    dropInto(lib, 'tests');
    const result = timedCli(['test', lib]);
    expect(result.code).toBe(2);
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
    expect(result.ms).toBeLessThan(15_000);
    for (const [name, , line, column, code] of CASES) {
      expect(result.stdout).toMatch(new RegExp(`tests/${name.replace('.', '\\.')}:${line}:${column} .*\\(${code}\\)`));
    }
    // The readable fixture file still runs.
    expect(result.stdout).toMatch(/passed/);
  });
});

const ROOT_TESTS = join(HOSTILE, '..', '..', '..', 'metrics', 'tests');
