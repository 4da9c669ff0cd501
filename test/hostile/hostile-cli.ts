import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { ROOT, type CliResult } from '../cli/run-cli.js';

const BIN = fileURLToPath(new URL('../../bin/rmos', import.meta.url));

export { ROOT };
export const HOSTILE = join(ROOT, 'test', 'fixtures', 'hostile');
export const STANDARD = join(ROOT, 'metrics');
export const ACME = join(ROOT, 'examples', 'acme');
export const EXAMPLE_DATA = join(ROOT, 'examples', 'data');

/** A stack trace line, as Node prints one. */
export const STACK = /\n\s+at /;

const created: string[] = [];

/** A new temporary folder, removed by removeTemps (each test file calls `afterAll(removeTemps)`). */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rmos-hostile-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

export function removeTemps(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of a library (or any folder) inside a new temporary folder; returns the copy's path. */
export function copyToTemp(source: string, name = 'lib'): string {
  const target = join(tempDir(), name);
  cpSync(source, target, { recursive: true });
  return target;
}

export interface TimedResult extends CliResult {
  readonly ms: number;
}

/**
 * Runs bin/rmos like test/cli/run-cli.ts (no colour, from the project root unless told
 * otherwise), with room for large output (spawnSync's 1 MB default would kill the child),
 * and measures the wall time so tests can bound it.
 */
export function timedCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): TimedResult {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    timeout: 60_000,
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

/**
 * An input error as the product promises it: exit code 2, nothing on stdout, one
 * sentence starting `rmos: ` on stderr that matches `message`, no stack trace, not an
 * internal error.
 */
export function expectInputError(result: CliResult, message: RegExp, options: { stdout?: 'empty' | 'any' } = {}): void {
  const shown = `exit ${result.code}\nstderr: ${result.stderr.slice(0, 2000)}\nstdout: ${result.stdout.slice(0, 500)}`;
  expect(result.code, shown).toBe(2);
  if ((options.stdout ?? 'empty') === 'empty') expect(result.stdout, shown).toBe('');
  expect(result.stderr, shown).not.toMatch(STACK);
  expect(result.stderr, shown).not.toContain('internal error');
  expect(result.stderr, shown).toMatch(/^rmos: /);
  expect(result.stderr, shown).toMatch(message);
}

/** No stack trace and no internal error, whatever the exit code. */
export function expectNoCrash(result: CliResult): void {
  expect(result.stderr.slice(0, 2000)).not.toMatch(STACK);
  expect(result.stderr.slice(0, 2000)).not.toContain('internal error');
  expect(result.code).not.toBeNull();
}

/** Escapes text for use inside a RegExp. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
