import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rmos-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An export large enough that the run is still reading when the signal arrives. */
function bigExport(path: string, rows: number): void {
  const lines = ['response_id,submitted_at,channel,region,segment,nps_score,csat_score,ces_score,comment,is_test'];
  for (let i = 0; i < rows; i++) lines.push(`R-${i},2025-07-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z,web,EMEA,SMB,${i % 11},${(i % 5) + 1},${(i % 7) + 1},"a, b",false`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

describe('Ctrl-C during a run', () => {
  it('exits 130 with a message and leaves no output, rejects or temporary file behind', async () => {
    const data = join(dir, 'survey_responses.csv');
    bigExport(data, 1_500_000);
    const out = join(dir, 'report.json');
    const rejects = join(dir, 'rejects.csv');
    // The signal is sent once the first piece of the file is merged (the trace says so), so the
    // run is reading then however fast the machine is; a fixed delay let a fast run finish first.
    const env = { ...process.env, NO_COLOR: '1', RMOS_TRACE_PARALLEL: '1', RMOS_PARALLEL_MIN_BYTES: '1', RMOS_PARALLEL_PIECE_BYTES: '1000000' };
    const child = spawn(process.execPath, [join(ROOT, 'bin/rmos'), 'compute', join(ROOT, 'metrics'), '--source', `survey_responses=${data}`, '--metrics', 'nps', '--period', '2025-07', '--format', 'json', '--out', out, '--rejects', rejects], { env });
    let stderr = '';
    const reading = new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes(': merged')) resolve();
      });
    });
    await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    expect(stderr).toContain(': merged');
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('rmos: interrupted; no output was written');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(rejects)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('Ctrl-C while gzip exports are read by the workers', () => {
  /** Runs compute on `args`, interrupts it after `delay` ms; the exit code and how long it took to stop. */
  async function interrupt(args: readonly string[], env: Record<string, string>, delay: number): Promise<{ code: number | null; stderr: string; stopMs: number }> {
    const child = spawn(process.execPath, [join(ROOT, 'bin/rmos'), 'compute', join(ROOT, 'metrics'), ...args, '--metrics', 'nps', '--period', '2025-07', '--format', 'json'], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    await new Promise((resolve) => setTimeout(resolve, delay));
    const sent = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stderr, stopMs: Date.now() - sent };
  }

  it('stops at once, not when a worker has read a whole file, and leaves no unpacked copy behind', async () => {
    const plain = join(dir, 'gz-source.csv');
    bigExport(plain, 1_500_000);
    const packed = gzipSync(readFileSync(plain));
    const monthly = join(dir, 'monthly', 'survey_responses');
    mkdirSync(monthly, { recursive: true });
    writeFileSync(join(monthly, 'a.csv.gz'), packed);
    writeFileSync(join(monthly, 'b.csv.gz'), packed);
    writeFileSync(join(dir, 'one.csv.gz'), packed);
    const temporary = mkdtempSync(join(dir, 'tmp-'));
    const parallel = { RMOS_THREADS: '2', RMOS_PARALLEL_MIN_BYTES: '1', TMPDIR: temporary };

    // Two gzip files read whole by the workers: the coordinator waits on a worker.
    const whole = await interrupt(['--data', join(dir, 'monthly')], { ...parallel, RMOS_GZIP_UNPACK: '0' }, 1000);
    // One gzip file, unpacked and split.
    const unpacked = await interrupt(['--source', `survey_responses=${join(dir, 'one.csv.gz')}`], parallel, 300);
    for (const run of [whole, unpacked]) {
      expect(run.code).toBe(130);
      expect(run.stderr).toContain('rmos: interrupted; no output was written');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stopMs).toBeLessThan(1000); // ~35 ms here; waiting for a worker to finish a whole file took 2–3 s
    }
    expect(readdirSync(temporary)).toEqual([]);
  });
});

describe('a symbolic link loop under --data', () => {
  it('is an error naming the file, not a hang or a silent skip', async () => {
    const { symlinkSync, mkdirSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const data = join(dir, 'loop');
    mkdirSync(data);
    symlinkSync('b.csv', join(data, 'spend.csv'));
    symlinkSync('spend.csv', join(data, 'b.csv'));
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/rmos'), 'compute', join(ROOT, 'metrics'), '--data', data, '--period', '2025-Q3', '--metrics', 'romi'], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('spend.csv: the symbolic link points back to itself (a link loop); fix or remove it');
  });
});
