import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { runRules } from '../../../src/core/lint/run-rules.js';
import type { Finding } from '../../../src/core/problem.js';
import { loadLibrary, type LoadedLibrary } from '../../../src/io/library/load-library.js';
import { resolveFindings } from '../../../src/io/library/resolve-findings.js';

/** A tiny library as YAML text: file name (e.g. 'nps.yaml') to contents. */
export interface LibrarySpec {
  readonly manifest?: string;
  readonly sources?: Readonly<Record<string, string>>;
  readonly metrics?: Readonly<Record<string, string>>;
}

export const MANIFEST = 'library: test\n';

/** A source whose columns cover every value type; the time column is line 2. */
export const RESPONSES = `source: responses
time_column: submitted_at
key: response_id
columns:
  response_id: { type: string }
  submitted_at: { type: timestamp }
  answered_on: { type: date }
  score: { type: integer }
  region: { type: string }
  channel: { type: string }
  is_test: { type: boolean }
  amount: { type: currency }
`;

/**
 * A valid, clean metric named `id` reading `responses`. Line numbers of the parts:
 * 1 metric, 2 name, 3 version, 4 status, 5 owner, 6 unit, 7 direction, 8 source,
 * 9 measures, 10 total, 11 aggregate, 12 formula, 13 changelog, 14 - version.
 */
export function metric(id: string, formula = 'total', extra = ''): string {
  return `metric: ${id}
name: Metric ${id}
version: 1.0.0
status: draft
owner: team
unit: count
direction: higher
source: responses
measures:
  total:
    aggregate: count
formula: ${formula}
changelog:
  - version: 1.0.0
    date: 2025-01-01
    change: First.
${extra}`;
}

export function writeLibrary(root: string, spec: LibrarySpec): void {
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  write(join(root, 'rmos.yaml'), spec.manifest ?? MANIFEST);
  for (const [name, text] of Object.entries(spec.sources ?? { 'responses.yaml': RESPONSES })) write(join(root, 'sources', name), text);
  for (const [name, text] of Object.entries(spec.metrics ?? {})) write(join(root, 'metrics', name), text);
}

/** Runs `fn` with a fresh temporary folder, removed afterwards. */
export function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'rmos-lint-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the library to a temp folder, loads it and lints it the way `rmos lint` does. */
export function lintLibrary(spec: LibrarySpec): Finding[] {
  return withTempDir((dir) => {
    writeLibrary(dir, spec);
    return lintLoaded(loadLibrary(dir, dir));
  });
}

export function lintLoaded(loaded: LoadedLibrary): Finding[] {
  return resolveFindings([...loaded.problems, ...runRules(loaded.library)], loaded.files);
}

export interface ExpectedFinding {
  /** A file path relative to the library root, e.g. metrics/a.yaml. */
  readonly file?: string;
  readonly line: number;
  readonly column: number;
  /** The whole message, or a regular expression for a concrete part of it. */
  readonly message: string | RegExp;
  readonly severity?: 'error' | 'warning';
}

export interface RuleCase {
  readonly name: string;
  readonly library: LibrarySpec;
}

export interface InvalidCase extends RuleCase {
  readonly errors: readonly ExpectedFinding[];
}

export interface RuleCases {
  readonly valid: readonly RuleCase[];
  readonly invalid: readonly InvalidCase[];
}

/** Findings of one code, in the order rmos reports them. */
export function findingsOf(findings: readonly Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** Asserts the findings of `code` match `expected` one to one: message, file, line, column and severity. */
export function expectFindings(findings: readonly Finding[], code: string, expected: readonly ExpectedFinding[]): void {
  const actual = findingsOf(findings, code);
  const shown = actual.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
  expect(shown, `findings of ${code}`).toHaveLength(expected.length);
  expected.forEach((want, i) => {
    const got = actual[i]!;
    if (want.file !== undefined) expect(got.file).toBe(want.file);
    expect({ line: got.line, column: got.column }, shown[i]).toEqual({ line: want.line, column: want.column });
    if (typeof want.message === 'string') expect(got.message).toBe(want.message);
    else expect(got.message).toMatch(want.message);
    if (want.severity !== undefined) expect(got.severity).toBe(want.severity);
  });
}
