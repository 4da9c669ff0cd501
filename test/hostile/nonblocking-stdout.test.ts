import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, cpSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';

/*
 * Standard output that is a non-blocking pipe (a parent may leave O_NONBLOCK set on it) and
 * full, because its reader is slow: every byte must still arrive, and rmos must wait for the
 * reader without spinning the CPU.
 */
const dir = mkdtempSync(join(tmpdir(), 'rmos-nonblocking-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a full non-blocking pipe on standard output', () => {
  it('gets the whole report, and rmos waits for the reader without burning CPU', async () => {
    const fifo = join(dir, 'out');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    // NPS by response: one segment per response, a report of several hundred kB.
    const lib = join(dir, 'metrics');
    cpSync(join(ROOT, 'metrics'), lib, { recursive: true });
    const nps = join(lib, 'metrics/nps.yaml');
    writeFileSync(nps, readFileSync(nps, 'utf8').replace('dimensions: [channel, region, segment]', 'dimensions: [channel, region, segment, response_id]'));
    const rmos = [process.execPath, join(ROOT, 'bin/rmos'), 'compute', lib, '--data', join(ROOT, 'examples/data'), '--period', '2025-Q3', '--metrics', 'nps', '--by', 'response_id', '--format', 'json'];
    // bash's `times` prints the CPU time its child used: the last line, user then system.
    const script = `"$@"; status=$?; times >&2; exit $status`;
    const child = spawn('bash', ['-c', script, 'bash', ...rmos], { stdio: ['ignore', writer, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    closeSync(writer);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));

    // The reader sleeps for 1.5 s while rmos has more than a pipe's 64 kB to write.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(65536);
    let done = false;
    void closed.then(() => (done = true));
    for (;;) {
      let n = 0;
      try {
        n = readSync(reader, buffer, 0, buffer.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        if (done) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
        continue;
      }
      if (n === 0) break; // the writer closed
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
    closeSync(reader);
    expect(await closed).toBe(0);
    const json = Buffer.concat(chunks).toString('utf8');
    expect(json.length).toBeGreaterThan(200_000);
    const report = JSON.parse(json) as { metrics: { segments: unknown[] }[] };
    expect(report.metrics[0]!.segments.length).toBeGreaterThan(1000);
    // CPU time of the run: start-up and the report, not 1.5 s of retrying (it was ~1.5 s).
    const [, minutes, seconds] = /^(\d+)m([\d.]+)s /.exec(stderr.trim().split('\n').pop()!)!;
    const userSeconds = Number(minutes) * 60 + Number(seconds);
    expect(userSeconds).toBeLessThan(1.2);
  });
});
