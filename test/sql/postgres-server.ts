import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** How to reach a PostgreSQL server with psql, and how to stop it if the test started it. */
export interface Postgres {
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  stop(): void;
}

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** initdb and pg_ctl: on PATH, or where Debian's postgresql package puts them. */
function serverBinaries(): { initdb: string; pgCtl: string } | undefined {
  const initdb = onPath('initdb');
  const pgCtl = onPath('pg_ctl');
  if (initdb && pgCtl) return { initdb, pgCtl };
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  for (const version of readdirSync(base).sort().reverse()) {
    const bin = join(base, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return { initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl') };
  }
  return undefined;
}

/**
 * The server named by PGHOST/PGPORT (as .ci/run sets them), else a private cluster in a
 * temporary folder on a loopback port, or the reason there is none.
 */
export function startPostgres(): Postgres | { unavailable: string } {
  if (!onPath('psql')) return { unavailable: 'psql is not installed' };
  if (process.env.PGHOST && process.env.PGPORT) {
    return { args: ['-h', process.env.PGHOST, '-p', process.env.PGPORT, '-U', process.env.PGUSER ?? 'postgres', '-d', process.env.PGDATABASE ?? 'postgres'], env: process.env, stop: () => undefined };
  }
  const binaries = serverBinaries();
  if (!binaries) return { unavailable: 'no PostgreSQL server binaries (initdb, pg_ctl) found' };
  // initdb refuses to run as root: run the server as the postgres user then.
  const asRoot = userInfo().uid === 0;
  const run = (command: string, args: string[]): void => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  const dir = mkdtempSync(join(tmpdir(), 'rmos-pg-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'sock');
  mkdirSync(data);
  mkdirSync(socket);
  if (asRoot) {
    const owner = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const group = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    for (const path of [dir, data, socket]) chownSync(path, owner, group);
  }
  const port = String(55_433 + Math.floor(Math.random() * 2000));
  try {
    run(binaries.initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
    run(binaries.pgCtl, ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1`, 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { unavailable: `could not start a private PostgreSQL cluster: ${(error as Error).message.split('\n')[0]}` };
  }
  return {
    args: ['-h', socket, '-p', port, '-U', 'postgres', '-d', 'postgres'],
    env: process.env,
    stop: () => {
      try {
        run(binaries.pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs a SQL script with psql; each statement's output on its own line (unaligned, tuples only). */
export function psql(server: Postgres, script: string): string[] {
  const result = spawnSync('psql', [...server.args, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-f', '-'], { input: script, encoding: 'utf8', env: server.env, maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line !== '');
}
