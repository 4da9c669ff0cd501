import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STANDARD = fileURLToPath(new URL('../../../metrics', import.meta.url));

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z',
  GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
};

/** A throwaway git repository under the system's temporary folder, holding a copy of the standard library in `lib/`. */
export interface TestRepo {
  /** The repository's top folder. */
  readonly dir: string;
  /** The library folder inside it. */
  readonly lib: string;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  read(path: string): string;
  /** Replaces `from` by `to` in a file of the repository (exactly once). */
  edit(path: string, from: string, to: string): void;
  /** Commits everything and returns the commit id. */
  commit(message: string): string;
  /** Remembers the library folder's files; the function returned puts them back (faster than git checkout + clean). */
  snapshot(): () => void;
  remove(): void;
}

export function createRepo(options: { withLibrary?: boolean } = {}): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'rmos-git-'));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  const repo: TestRepo = {
    dir,
    lib: join(dir, 'lib'),
    git,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    edit(path, from, to) {
      const text = repo.read(path);
      if (text.split(from).length !== 2) throw new Error(`'${from}' is not in ${path} exactly once`);
      repo.write(path, text.replace(from, to));
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    snapshot() {
      const saved = (readdirSync(repo.lib, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .filter((e) => e.isFile())
        .map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name))] as const);
      return () => {
        rmSync(repo.lib, { recursive: true, force: true });
        for (const [path, bytes] of saved) {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, bytes);
        }
      };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  if (options.withLibrary !== false) cpSync(STANDARD, join(dir, 'lib'), { recursive: true });
  return repo;
}
