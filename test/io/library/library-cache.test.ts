import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedLoad } from '../../../src/io/library/library-cache.js';
import type { FileAccess } from '../../../src/io/library/file-access.js';

// Code run from src/ has no build id and never caches; these tests give it one.
const scope = globalThis as { RMOS_BUILD_ID?: string };
const savedEnv = { dir: process.env.RMOS_CACHE_DIR, off: process.env.RMOS_NO_CACHE };
const root = mkdtempSync(join(tmpdir(), 'rmos-cache-'));
let lib: string;
let cache: string;
let loads = 0;

/** A loader that reads what rmos's does: the folder listing, and each file's text. */
async function load(files: FileAccess): Promise<string[]> {
  loads++;
  if (files.kind(join(lib, 'rmos.yaml')) !== 'file') throw new Error('not a library');
  return files.listFiles(join(lib, 'metrics')).map((path) => Buffer.from(files.readFile(path)).toString('utf8'));
}

beforeEach(() => {
  const case_ = mkdtempSync(join(root, 'case-'));
  lib = join(case_, 'lib');
  cache = join(case_, 'cache');
  mkdirSync(join(lib, 'metrics'), { recursive: true });
  writeFileSync(join(lib, 'rmos.yaml'), 'name: test\n');
  writeFileSync(join(lib, 'metrics', 'a.yaml'), 'metric: a\n');
  scope.RMOS_BUILD_ID = 'build-1';
  process.env.RMOS_CACHE_DIR = cache;
  delete process.env.RMOS_NO_CACHE;
  loads = 0;
});

afterEach(() => {
  delete scope.RMOS_BUILD_ID;
  if (savedEnv.dir === undefined) delete process.env.RMOS_CACHE_DIR;
  else process.env.RMOS_CACHE_DIR = savedEnv.dir;
  if (savedEnv.off === undefined) delete process.env.RMOS_NO_CACHE;
  else process.env.RMOS_NO_CACHE = savedEnv.off;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('cachedLoad', () => {
  it('loads once while nothing the loader read has changed', async () => {
    expect(await cachedLoad('t', lib, load)).toEqual(['metric: a\n']);
    expect(await cachedLoad('t', lib, load)).toEqual(['metric: a\n']);
    expect(loads).toBe(1);
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it('loads again when a file read changes, even to the same size', async () => {
    await cachedLoad('t', lib, load);
    writeFileSync(join(lib, 'metrics', 'a.yaml'), 'metric: b\n');
    expect(await cachedLoad('t', lib, load)).toEqual(['metric: b\n']);
    expect(loads).toBe(2);
  });

  it('loads again when a file is added to or removed from a folder it listed', async () => {
    await cachedLoad('t', lib, load);
    writeFileSync(join(lib, 'metrics', 'c.yaml'), 'metric: c\n');
    expect((await cachedLoad('t', lib, load)).sort()).toEqual(['metric: a\n', 'metric: c\n']);
    rmSync(join(lib, 'metrics', 'a.yaml'));
    expect(await cachedLoad('t', lib, load)).toEqual(['metric: c\n']);
    expect(loads).toBe(3);
  });

  it('loads again when a path it asked about changes kind', async () => {
    await cachedLoad('t', lib, load);
    rmSync(join(lib, 'rmos.yaml'));
    mkdirSync(join(lib, 'rmos.yaml'));
    await expect(cachedLoad('t', lib, load)).rejects.toThrow('not a library');
  });

  it('keeps nothing across builds, or between two kinds of result', async () => {
    await cachedLoad('t', lib, load);
    scope.RMOS_BUILD_ID = 'build-2';
    await cachedLoad('t', lib, load);
    await cachedLoad('other', lib, load);
    expect(loads).toBe(3);
  });

  it('caches nothing the loader refused', async () => {
    const refuse = async (): Promise<never> => {
      loads++;
      throw new Error('lint errors');
    };
    await expect(cachedLoad('t', lib, refuse)).rejects.toThrow('lint errors');
    await expect(cachedLoad('t', lib, refuse)).rejects.toThrow('lint errors');
    expect(loads).toBe(2);
  });

  it('ignores an unreadable entry and replaces it', async () => {
    await cachedLoad('t', lib, load);
    const [entry] = readdirSync(cache);
    writeFileSync(join(cache, entry!), 'not a cache entry');
    expect(await cachedLoad('t', lib, load)).toEqual(['metric: a\n']);
    expect(loads).toBe(2);
    expect(readFileSync(join(cache, entry!)).subarray(0, 17).toString()).not.toBe('not a cache entry');
  });

  it('works without a cache when the cache folder cannot be written', async () => {
    writeFileSync(join(lib, '..', 'file'), '');
    process.env.RMOS_CACHE_DIR = join(lib, '..', 'file', 'cache');
    expect(await cachedLoad('t', lib, load)).toEqual(['metric: a\n']);
    expect(await cachedLoad('t', lib, load)).toEqual(['metric: a\n']);
    expect(loads).toBe(2);
  });

  it('is off with RMOS_NO_CACHE=1, and in code without a build id', async () => {
    process.env.RMOS_NO_CACHE = '1';
    await cachedLoad('t', lib, load);
    await cachedLoad('t', lib, load);
    delete process.env.RMOS_NO_CACHE;
    delete scope.RMOS_BUILD_ID;
    await cachedLoad('t', lib, load);
    await cachedLoad('t', lib, load);
    expect(loads).toBe(4);
    expect(() => readdirSync(cache)).toThrow();
  });
});
