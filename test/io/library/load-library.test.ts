import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryError } from '../../../src/io/library/library-error.js';
import { loadLibrary } from '../../../src/io/library/load-library.js';
import { expectFindings, lintLoaded, metric, withTempDir, writeLibrary } from '../../core/lint/lint-library.js';

function loadError(dir: string, cwd: string): LibraryError {
  try {
    loadLibrary(dir, cwd);
  } catch (error) {
    return error as LibraryError;
  }
  throw new Error('loadLibrary did not throw');
}

describe('loadLibrary', () => {
  it('a missing folder: LibraryError saying so', () => {
    withTempDir((dir) => {
      const error = loadError(join(dir, 'nowhere'), dir);
      expect(error).toBeInstanceOf(LibraryError);
      expect(error.message).toBe('nowhere: no such folder; give the path of a metric library (a folder with an rmos.yaml)');
    });
  });

  it('a folder that is not a library: LibraryError mentioning rmos.yaml', () => {
    withTempDir((dir) => {
      mkdirSync(join(dir, 'metrics'));
      const error = loadError(dir, dir);
      expect(error).toBeInstanceOf(LibraryError);
      expect(error.name).toBe('LibraryError');
      expect(error.message).toBe(". is not an rmos library: it has no rmos.yaml (run 'rmos init .' to create one)");
    });
  });

  it('a file given instead of a folder', () => {
    withTempDir((dir) => {
      writeFileSync(join(dir, 'rmos.yaml'), 'library: x\n');
      expect(loadError(join(dir, 'rmos.yaml'), dir).message).toBe('rmos.yaml is a file, not a folder; give the folder that holds rmos.yaml');
    });
  });

  it('an rmos.yaml that cannot be read: file-unreadable, and the library still loads', () => {
    withTempDir((dir) => {
      mkdirSync(join(dir, 'rmos.yaml'));
      const loaded = loadLibrary(dir, dir);
      expect(loaded.library.manifest.name).toBe('unnamed');
      expectFindings(lintLoaded(loaded), 'file-unreadable', [{ file: 'rmos.yaml', line: 1, column: 1, message: 'cannot read the file: EISDIR' }]);
    });
  });

  it('a 50 MB definition file: file-too-large, quickly', () => {
    withTempDir((dir) => {
      writeLibrary(dir, { metrics: { 'm.yaml': metric('m') } });
      writeFileSync(join(dir, 'metrics', 'huge.yaml'), Buffer.alloc(50 * 1024 * 1024, 'a: 1\n'));
      const started = performance.now();
      const findings = lintLoaded(loadLibrary(dir, dir));
      expect(performance.now() - started).toBeLessThan(3000);
      expect(findings.map((f) => [f.file, f.line, f.column, f.code, f.message])).toEqual([
        ['metrics/huge.yaml', 1, 1, 'file-too-large', 'the file is 50.0 MB; a definition file may be at most 2 MB'],
      ]);
    });
  });

  it('an empty metric file: file-empty, and the rest of the library is still checked', () => {
    withTempDir((dir) => {
      writeLibrary(dir, { metrics: { 'empty.yaml': '', 'm.yaml': metric('m', 'totl') } });
      const findings = lintLoaded(loadLibrary(dir, dir));
      expect(findings.map((f) => [f.file, f.line, f.column, f.code])).toEqual([
        ['metrics/empty.yaml', 1, 1, 'file-empty'],
        ['metrics/m.yaml', 10, 3, 'unused-measure'],
        ['metrics/m.yaml', 12, 10, 'unknown-identifier'],
      ]);
    });
  });

  it('a latin-1 metric file: file-encoding at the bad byte', () => {
    withTempDir((dir) => {
      writeLibrary(dir, {});
      mkdirSync(join(dir, 'metrics'));
      writeFileSync(join(dir, 'metrics', 'cafe.yaml'), Buffer.concat([Buffer.from('metric: cafe\nname: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
      expectFindings(lintLoaded(loadLibrary(dir, dir)), 'file-encoding', [{ file: 'metrics/cafe.yaml', line: 2, column: 10, message: 'the file is not valid UTF-8 text; save it as UTF-8' }]);
    });
  });

  it('extends a folder that is not a library: unknown-library on the extends value', () => {
    withTempDir((dir) => {
      writeLibrary(dir, { manifest: 'library: test\nextends: ../nowhere\n' });
      expectFindings(lintLoaded(loadLibrary(dir, dir)), 'unknown-library', [
        { file: 'rmos.yaml', line: 2, column: 10, message: "'extends' names ../nowhere, which is not a library folder with an rmos.yaml; use rmos:standard or a relative path" },
      ]);
    });
  });

  it('patch: true without an extended source: patch-without-base', () => {
    withTempDir((dir) => {
      writeLibrary(dir, { sources: { 'responses.yaml': 'source: responses\npatch: true\ncolumns:\n  score: { aliases: [rating] }\n' } });
      const loaded = loadLibrary(dir, dir);
      expect(loaded.library.sources.has('responses')).toBe(false);
      expectFindings(lintLoaded(loaded), 'patch-without-base', [
        { file: 'sources/responses.yaml', line: 2, column: 8, message: "'patch: true' changes an inherited source, but no extended library defines a source 'responses'" },
      ]);
    });
  });

  it('libraries that extend each other in a loop: LibraryError', () => {
    withTempDir((dir) => {
      writeLibrary(join(dir, 'a'), { manifest: 'library: a\nextends: ../b\n' });
      writeLibrary(join(dir, 'b'), { manifest: 'library: b\nextends: ../a\n' });
      expect(loadError(join(dir, 'a'), dir).message).toBe('libraries extend each other in a loop: a -> b -> a');
    });
  });

  it('extends a library by relative path: its sources serve this library\'s metrics', () => {
    withTempDir((dir) => {
      writeLibrary(join(dir, 'base'), { manifest: 'library: base\nparameters:\n  margin: { value: 0.5 }\n' });
      writeLibrary(join(dir, 'team'), { manifest: 'library: team\nextends: ../base\n', sources: {}, metrics: { 'm.yaml': metric('m', 'total * margin') } });
      const loaded = loadLibrary(join(dir, 'team'), dir);
      expect(lintLoaded(loaded)).toEqual([]);
      expect(loaded.library.sources.get('responses')?.file).toBe('base/sources/responses.yaml');
      expect(loaded.library.parameters.get('margin')?.value).toBe(0.5);
      expect([...loaded.library.ownFiles]).toEqual(['team/rmos.yaml', 'team/metrics/m.yaml']);
    });
  });
});
