import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

// The cache of checked libraries, as a user meets it: the same answers, and every change seen.
const work = mkdtempSync(join(tmpdir(), 'rmos-cli-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function setup(name: string): { lib: string; env: Record<string, string>; compute: (...extra: string[]) => ReturnType<typeof runCli> } {
  const lib = join(work, name, 'metrics');
  cpSync(join(ROOT, 'metrics'), lib, { recursive: true });
  const env = { RMOS_CACHE_DIR: join(work, name, 'cache') };
  const data = join(ROOT, 'examples/data/survey_responses/2025-08.csv');
  const compute = (...extra: string[]) =>
    runCli(['compute', lib, '--source', `survey_responses=${data}`, '--metrics', 'csat', '--period', '2025-08', '--format', 'json', ...extra], { env });
  return { lib, env, compute };
}

const csat = (stdout: string): number => (JSON.parse(stdout) as { metrics: { id: string; value: number }[] }).metrics.find((m) => m.id === 'csat')!.value;

describe('the cache of checked libraries', () => {
  it('gives the same report from the cache as without it, and reuses its entry', () => {
    const { env, compute } = setup('same');
    const first = compute();
    expect(first.code).toBe(0);
    const [entry] = readdirSync(env.RMOS_CACHE_DIR!);
    const written = statSync(join(env.RMOS_CACHE_DIR!, entry!)).mtimeMs;
    const second = compute();
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
    expect(statSync(join(env.RMOS_CACHE_DIR!, entry!)).mtimeMs).toBe(written);
  });

  it('sees a changed definition at once', () => {
    const { lib, compute } = setup('changed');
    const before = csat(compute().stdout);
    const file = join(lib, 'metrics/csat.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('where: csat_score >= 4', 'where: csat_score >= 5'));
    const after = compute();
    expect(after.code).toBe(0);
    expect(csat(after.stdout)).toBeLessThan(before);
  });

  it('sees a new metric file', () => {
    const { lib, compute } = setup('added');
    expect(compute().code).toBe(0);
    const file = join(lib, 'metrics/csat.yaml');
    writeFileSync(join(lib, 'metrics/csat_top.yaml'), readFileSync(file, 'utf8').replace('metric: csat', 'metric: csat_top'));
    const result = compute('--metrics', 'csat_top');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { metrics: { id: string }[] }).metrics.map((m) => m.id)).toEqual(['csat', 'csat_top']);
  });

  it('refuses a library broken after it was cached', () => {
    const { lib, compute } = setup('broken');
    expect(compute().code).toBe(0);
    const file = join(lib, 'metrics/csat.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('formula: 100 * satisfied / responses', 'formula: 100 * satisfied / respondents'));
    const result = compute();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the library has 1 error \(first: .*csat\.yaml:\d+:\d+ .*respondents/);
  });
});
